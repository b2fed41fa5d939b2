/**
 * ChatPort over Slack's Web API. Only the outbox dispatcher calls it, so the WebClient has its own
 * retries switched off (`retries: 0`, `rejectRateLimitedCalls: true`): a 429 or 5xx surfaces at
 * once as a retryable ChatError and the outbox, which survives restarts, decides when to try again.
 *
 * Charts: the message is posted first, then each chart PNG is uploaded with files.uploadV2 into the
 * message's thread (or the thread the message itself lives in). If an upload fails after the post
 * succeeded, the outbox will call post() again with the same message; we remember the posted ts and
 * only redo the missing uploads, so the text never appears twice. Before the uploads, hooks.posted
 * hands the outbox the ts, so replies to a new root count while its charts are still uploading.
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 * @see https://docs.slack.dev/messaging/working-with-files#upload
 */
import { createHash } from "node:crypto";
import type { webApi } from "@slack/bolt";
import type { ChartRenderer } from "../../src/app/charts.ts";
import type { ChatPort, PostHooks } from "../../src/app/chat.ts";
import { ChatError } from "../../src/app/errors.ts";
import type { ChartData, NeutralMessage } from "../../src/app/messages/message.ts";
import { platformError, toChatError } from "./errors.ts";
import { PLATFORM, parseChannelKey } from "./keys.ts";
import { renderMessage } from "./render/message.ts";

/** Only the PNG half of the chart port is needed here (src/charts' vegaChartRenderer). */
export type ChartPng = Pick<ChartRenderer, "png">;

export interface SlackChatOptions {
  client: webApi.WebClient;
  charts?: ChartPng;
  /** Reaction that marks a counted reply. */
  ackReaction?: string;
  log?: (message: string, error?: unknown) => void;
}

const MAX_PENDING = 500;

/** Posts whose text is out but whose charts are not all uploaded yet; keyed by message content. */
interface PendingCharts {
  ts: string;
  uploaded: number;
}

export class SlackChat implements ChatPort {
  readonly platform = PLATFORM;
  readonly #client: webApi.WebClient;
  readonly #charts: ChartPng | undefined;
  readonly #reaction: string;
  readonly #log: (message: string, error?: unknown) => void;
  readonly #pending = new Map<string, PendingCharts>();

  constructor(options: SlackChatOptions) {
    this.#client = options.client;
    this.#charts = options.charts;
    this.#reaction = options.ackReaction ?? "white_check_mark";
    this.#log = options.log ?? ((message, error) => console.warn(message, error ?? ""));
  }

  async post(message: NeutralMessage, hooks: PostHooks = {}): Promise<{ messageId: string }> {
    const channel = slackChannel(message.target.channel);
    const rendered = renderMessage(message);
    const key = rendered.charts.length > 0 ? contentKey(message) : undefined;
    let pending = key ? this.#pending.get(key) : undefined;
    if (!pending) {
      const result = await this.#call("chat.postMessage", () =>
        this.#client.chat.postMessage({
          channel,
          text: rendered.text,
          blocks: rendered.blocks,
          ...(message.target.thread ? { thread_ts: message.target.thread } : {}),
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (!result.ts) throw new ChatError("Invalid", "chat.postMessage: Slack returned no ts");
      pending = { ts: result.ts, uploaded: 0 };
      // The uploads take seconds; a reply to this root may come in meanwhile and must find its thread.
      if (key) await hooks.posted?.(pending.ts);
    }
    if (key) {
      this.#pending.set(key, pending);
      // Entries of posts whose upload failed for good would stay forever: keep the newest few hundred.
      if (this.#pending.size > MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value!);
      await this.#uploadCharts(channel, message.target.thread ?? pending.ts, rendered.charts, pending);
      this.#pending.delete(key);
    }
    return { messageId: pending.ts };
  }

  async update(messageId: string, message: NeutralMessage): Promise<void> {
    const rendered = renderMessage(message);
    // Charts were uploaded with the original post; an update only replaces text and blocks.
    await this.#call("chat.update", () =>
      this.#client.chat.update({ channel: slackChannel(message.target.channel), ts: messageId, text: rendered.text, blocks: rendered.blocks }),
    );
  }

  async acknowledge(target: { channel: string; messageId: string }): Promise<void> {
    try {
      await this.#client.reactions.add({ channel: slackChannel(target.channel), timestamp: target.messageId, name: this.#reaction });
    } catch (error) {
      // A retry after a lost answer finds the reaction already there: that is success.
      if (platformError(error) === "already_reacted") return;
      throw toChatError(error, "reactions.add");
    }
  }

  async #uploadCharts(channel: string, threadTs: string, charts: { chart: ChartData; alt: string }[], pending: PendingCharts): Promise<void> {
    for (const { chart, alt } of charts.slice(pending.uploaded)) {
      const png = await this.#png(chart);
      if (png) {
        await this.#call("files.uploadV2", () =>
          this.#client.filesUploadV2({
            channel_id: channel,
            thread_ts: threadTs,
            file: png,
            filename: `${fileName(chart.title)}.png`,
            title: chart.title,
            alt_text: alt,
          }),
        );
      }
      pending.uploaded += 1;
    }
  }

  /** A chart that cannot be drawn is logged and left out: the figures are in the text already. */
  async #png(chart: ChartData): Promise<Buffer | undefined> {
    if (!this.#charts) return undefined;
    try {
      return await this.#charts.png(chart);
    } catch (error) {
      this.#log(`Grafiek "${chart.title}" kon niet getekend worden / chart could not be drawn`, error);
      return undefined;
    }
  }

  async #call<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toChatError(error, what);
    }
  }
}

function slackChannel(key: string): string {
  const parsed = parseChannelKey(key);
  if (!parsed) throw new ChatError("Invalid", `Not a Slack channel key: ${key}`);
  return parsed.channel;
}

function contentKey(message: NeutralMessage): string {
  return createHash("sha256").update(JSON.stringify([message.target, message.summary, message.elements])).digest("hex");
}

function fileName(title: string): string {
  return title.normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 60) || "grafiek";
}
