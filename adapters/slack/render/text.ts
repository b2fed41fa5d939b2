/**
 * Text objects for Block Kit. Neutral text allows only `*bold*` and line breaks; Slack's mrkdwn
 * reads `*bold*` the same way, so we keep it and escape the control characters `&`, `<`, `>`.
 * That escaping is what matters for safety: without it a figure name or a reply quoted by the bot
 * could smuggle in `<!channel>` pings or disguised links. Slack has no escape for `_`, `~` and
 * backticks; a stray one at most changes the styling of a word, so we leave them.
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
import type { types } from "@slack/bolt";
import type { RichText } from "../../../src/app/messages/richText.ts";
import { truncate } from "../limits.ts";

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A mrkdwn text object; `max` applies to the escaped text, which is what Slack counts. */
export function mrkdwn(text: string, max: number): types.MrkdwnElement {
  const escaped = escapeMrkdwn(text);
  // A cut inside an entity ("&am…") would show literally: drop the partial entity.
  const fitted = escaped.length > max ? truncate(escaped, max).replace(/&[a-z]{0,3}…$/, "…") : escaped;
  return { type: "mrkdwn", text: fitted, verbatim: true };
}

/** A plain_text object (headers, buttons, labels): no markup, emoji shortcodes allowed. */
export function plain(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

/**
 * Rich text (src/app/messages/richText.ts) as mrkdwn: bold as `*x*`, code as `` `x` ``, everything
 * escaped. Slack only reads `*` as bold next to non-space characters, so the spaces around a bold
 * span's text stay outside the stars.
 */
export function richMrkdwn(text: RichText): string {
  return text
    .map((span) => {
      const escaped = escapeMrkdwn(span.text);
      if (!span.style || escaped.trim() === "") return escaped;
      const mark = span.style === "bold" ? "*" : "`";
      const [, lead = "", core = "", trail = ""] = /^(\s*)(.*?)(\s*)$/s.exec(escaped) ?? [];
      return `${lead}${mark}${core}${mark}${trail}`;
    })
    .join("");
}
