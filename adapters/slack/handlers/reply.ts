/**
 * Answers only the person who acted (ephemeral): refusals ("alleen vaststellers mogen vaststellen"),
 * status overviews and help. These are interactive feedback, not channel messages, so they go out
 * directly instead of through the outbox; if Slack is busy the person simply sees nothing and tries again.
 * @see https://docs.slack.dev/reference/methods/chat.postEphemeral
 */
import type { webApi } from "@slack/bolt";
import type { NeutralMessage } from "../../../src/app/messages/message.ts";
import { resultText } from "../../../src/app/sessions/index.ts";
import type { Lang } from "../../../src/domain/format.ts";
import { renderMessage, type SlackMessage } from "../render/message.ts";

/** What one person is shown: a line of text, or a rendered message. */
export type EphemeralContent = { text: string; blocks?: SlackMessage["blocks"] };

export interface EphemeralTarget {
  slackChannel: string;
  userId: string;
  threadTs?: string;
}

export async function replyEphemeral(
  client: webApi.WebClient,
  where: EphemeralTarget,
  content: EphemeralContent,
): Promise<void> {
  await client.chat.postEphemeral({
    channel: where.slackChannel,
    user: where.userId,
    text: content.text,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  });
}

/** A use case result for one person: a message to show (status) or one line from resultText. */
export async function postEphemeralResult(
  client: webApi.WebClient,
  where: EphemeralTarget,
  result: { status: "ok"; message: NeutralMessage } | { status: string; reason?: string; code?: string; action?: string },
  lang: Lang,
): Promise<void> {
  await replyEphemeral(client, where, ephemeralContent(result, lang));
}

function ephemeralContent(
  result: { status: "ok"; message: NeutralMessage } | { status: string; reason?: string; code?: string; action?: string },
  lang: Lang,
): EphemeralContent {
  if ("message" in result) {
    const rendered = renderMessage(result.message);
    return { text: rendered.text, blocks: rendered.blocks };
  }
  return { text: resultText(result, lang) };
}
