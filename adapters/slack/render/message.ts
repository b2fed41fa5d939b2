/**
 * A neutral message → what chat.postMessage / chat.update take: fallback `text`, `blocks` within
 * Slack's 50-block limit, and the charts to upload as PNG files beside it.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 */
import type { types } from "@slack/bolt";
import type { ChartData, NeutralMessage } from "../../../src/app/messages/message.ts";
import { SLACK_LIMITS as L, truncate } from "../limits.ts";
import { elementBlocks } from "./blocks.ts";
import { escapeMrkdwn, mrkdwn } from "./text.ts";

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
  charts: { chart: ChartData; alt: string }[];
}

export function renderMessage(message: NeutralMessage): SlackMessage {
  const blocks = message.elements.flatMap(elementBlocks);
  const charts = message.elements.flatMap((e) => (e.type === "chart" ? [{ chart: e.chart, alt: truncate(e.alt, L.altText) }] : []));
  return { text: truncate(escapeMrkdwn(message.summary), L.messageText), blocks: fitBlocks(blocks, L.messageBlocks), charts };
}

/**
 * Keeps a message within `max` blocks. The buttons at the end are what people act on, so the
 * trailing actions blocks survive; the middle is cut and a "… (+n)" line marks the cut.
 */
export function fitBlocks(blocks: types.KnownBlock[], max: number): types.KnownBlock[] {
  if (blocks.length <= max) return blocks;
  let tailStart = blocks.length;
  while (tailStart > 0 && blocks[tailStart - 1]?.type === "actions") tailStart -= 1;
  const tail = blocks.slice(tailStart).slice(-(max - 1));
  const headRoom = max - 1 - tail.length;
  const head = blocks.slice(0, headRoom);
  const omitted = blocks.length - head.length - tail.length;
  return [...head, { type: "context", elements: [mrkdwn(`… (+${omitted})`, L.sectionText)] }, ...tail];
}
