/**
 * Text for Adaptive Card TextBlocks, which Teams reads as a Markdown subset (`**bold**`, `_italic_`,
 * lists, `[label](url)`). Everything we did not write ourselves is escaped with backslashes, so a
 * figure name or a quoted reply cannot turn into a link or a list; HTML is not read by TextBlocks at
 * all. Our own catalogue texts arrive as rich-text spans (src/app/messages/richText.ts) and become
 * Markdown here.
 * @see https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
 */
import type { RichText } from "../../../src/app/messages/richText.ts";

/** Markdown's punctuation that can start or end markup, and a leading list/heading marker. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(\d+)\.(\s)/gm, "$1$2\\.$3")
    .replace(/^(\s*)-(\s)/gm, "$1\\-$2");
}

/** Cut to `max` characters with an ellipsis (Teams has no per-field limits, only the card's ~28 KB). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Rich text as Markdown: bold as `**x**`, code as `` `x` ``. Markdown only reads the marks next to
 * non-space characters, so spaces around a styled span stay outside the marks.
 */
export function richMarkdown(text: RichText): string {
  return text
    .map((span) => {
      if (span.style === "code") {
        const [, lead = "", core = "", trail = ""] = /^(\s*)(.*?)(\s*)$/s.exec(span.text) ?? [];
        // Inside a code span nothing is markup; a backtick in it would end the span early.
        return core === "" ? span.text : `${lead}\`${core.replaceAll("`", "'")}\`${trail}`;
      }
      const escaped = escapeMarkdown(span.text);
      if (span.style !== "bold" || escaped.trim() === "") return escaped;
      const [, lead = "", core = "", trail = ""] = /^(\s*)(.*?)(\s*)$/s.exec(escaped) ?? [];
      return `${lead}**${core}**${trail}`;
    })
    .join("")
    // A single line break inside a TextBlock is dropped by some Teams clients: make each one a paragraph.
    .replace(/\n/g, "\n\n");
}
