/**
 * The ChatPort contract, run against every implementation: the in-memory chat and the Slack adapter
 * against its loopback fake Web API. Posting (also in a thread), updating, idempotent acknowledging
 * and the error contract the outbox relies on (RateLimited with Retry-After and Unavailable are
 * retryable, an unknown message is NotFound). Then what only Slack does: charts as PNG uploads in
 * the message's thread, without posting the text twice when an upload has to be retried.
 */
import { afterEach, describe, expect, it } from "vitest";
import { LogLevel, webApi } from "@slack/bolt";
import { MemoryChat } from "../../adapters/memory/memoryChat.ts";
import { SlackChat, type ChartPng } from "../../adapters/slack/slackChat.ts";
import type { ChatPort } from "../../src/app/chat.ts";
import { ChatError } from "../../src/app/errors.ts";
import type { NeutralMessage } from "../../src/app/messages/message.ts";
import { vegaChartRenderer } from "../../src/charts/index.ts";
import { buildChartData } from "../support/factories.ts";
import { startFakeSlack, type FakeSlack } from "../support/fakeSlack.ts";

interface Harness {
  chat: ChatPort;
  channel: string;
  /** Current text and thread of each post, in order. */
  posts(): { messageId: string; thread: string | undefined; text: string }[];
  failNext(failure: "rate-limited" | "unavailable"): void;
  close(): Promise<void>;
}

const message = (channel: string, text: string, thread?: string): NeutralMessage => ({
  target: { channel, ...(thread ? { thread } : {}) },
  summary: text,
  elements: [{ type: "text", text }],
});

function slackClient(fake: FakeSlack): webApi.WebClient {
  return new webApi.WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });
}

const harnesses: Record<string, () => Promise<Harness>> = {
  memory: async () => {
    const chat = new MemoryChat();
    return {
      chat,
      channel: "memory:leerkring",
      posts: () => chat.posts.map((p) => ({ messageId: p.messageId, thread: p.current.target.thread, text: p.current.summary })),
      failNext: (f) => chat.failNext(1, f === "rate-limited" ? { code: "RateLimited", retryAfterMs: 3_000 } : { code: "Unavailable" }),
      close: async () => {},
    };
  },
  slack: async () => {
    const fake = await startFakeSlack();
    return {
      chat: new SlackChat({ client: slackClient(fake) }),
      channel: "slack:T0FAKE:C0LEER",
      posts: () => fake.messages.map((m) => ({ messageId: m.ts, thread: m.thread_ts, text: m.text })),
      failNext: (f) => fake.fail("chat.postMessage", 1, f === "rate-limited" ? { status: 429, retryAfterSec: 3 } : { status: 503 }),
      close: () => fake.close(),
    };
  },
};

for (const [name, open] of Object.entries(harnesses)) {
  describe(`ChatPort contract: ${name}`, () => {
    let h: Harness;
    afterEach(async () => {
      await h.close();
    });

    it("posts, replies in a thread and updates", async () => {
      h = await open();
      const { messageId: root } = await h.chat.post(message(h.channel, "Wortel"));
      const { messageId: reply } = await h.chat.post(message(h.channel, "Antwoord", root));
      await h.chat.update(root, message(h.channel, "Wortel, bijgewerkt"));
      expect(h.posts()).toEqual([
        { messageId: root, thread: undefined, text: "Wortel, bijgewerkt" },
        { messageId: reply, thread: root, text: "Antwoord" },
      ]);
    });

    it("acknowledges idempotently (a retry after a lost answer is not an error)", async () => {
      h = await open();
      const target = { channel: h.channel, messageId: "1741000000.000001" };
      await h.chat.acknowledge(target);
      await expect(h.chat.acknowledge(target)).resolves.toBeUndefined();
    });

    it("reports rate limits with Retry-After and outages as retryable ChatErrors", async () => {
      h = await open();
      h.failNext("rate-limited");
      const limited = await h.chat.post(message(h.channel, "x")).catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(ChatError);
      expect(limited).toMatchObject({ code: "RateLimited", retryAfterMs: 3_000, retryable: true });
      h.failNext("unavailable");
      expect(await h.chat.post(message(h.channel, "x")).catch((e: unknown) => e)).toMatchObject({ code: "Unavailable", retryable: true });
      expect(h.posts()).toEqual([]);
    });

    it("reports an update of an unknown message as NotFound (final)", async () => {
      h = await open();
      const error = await h.chat.update("1741999999.000001", message(h.channel, "x")).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "NotFound", retryable: false });
    });
  });
}

describe("Slack charts", () => {
  let fake: FakeSlack;
  afterEach(async () => {
    await fake.close();
  });
  const chart = buildChartData({ title: "Jongeren met jeugdhulp" });
  const withChart = (thread?: string): NeutralMessage => ({
    target: { channel: "slack:T0FAKE:C0LEER", ...(thread ? { thread } : {}) },
    summary: "Nieuwe cijfers",
    elements: [{ type: "header", text: "Nieuwe cijfers" }, { type: "chart", chart, alt: "Lijngrafiek jeugdhulp 2021–2024" }],
  });

  it("uploads the chart as a PNG with files.uploadV2 into the message's thread", async () => {
    fake = await startFakeSlack();
    const chat = new SlackChat({ client: slackClient(fake), charts: vegaChartRenderer });
    const { messageId } = await chat.post(withChart());
    expect(fake.ok("chat.postMessage")).toHaveLength(1);
    expect(fake.calls.map((c) => c.method)).toEqual(["chat.postMessage", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"]);
    expect(fake.files).toEqual([{ id: expect.any(String), filename: "jongeren-met-jeugdhulp.png", bytes: expect.any(Number), png: true, channel: "C0LEER", thread_ts: messageId }]);
    expect(fake.files[0]!.bytes).toBeGreaterThan(1_000);
    expect(fake.ok("files.getUploadURLExternal")[0]?.body).toMatchObject({ alt_text: "Lijngrafiek jeugdhulp 2021–2024" });
  });

  it("uploads into the same thread when the message is itself a reply", async () => {
    fake = await startFakeSlack();
    const chat = new SlackChat({ client: slackClient(fake), charts: { png: async () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) } });
    await chat.post(withChart("1741000000.000001"));
    expect(fake.files[0]?.thread_ts).toBe("1741000000.000001");
  });

  it("retries only the upload when it fails after the post: the text appears once", async () => {
    fake = await startFakeSlack();
    const png: ChartPng = { png: async () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) };
    const chat = new SlackChat({ client: slackClient(fake), charts: png });
    fake.fail("files.completeUploadExternal", 1, { status: 429, retryAfterSec: 5 });
    fake.fail("upload", 1, { status: 503 });
    const message = withChart();
    expect(await chat.post(message).catch((e: unknown) => e)).toMatchObject({ code: "Unavailable" });
    expect(await chat.post(message).catch((e: unknown) => e)).toMatchObject({ code: "RateLimited", retryAfterMs: 5_000 });
    const { messageId } = await chat.post(message);
    expect(fake.ok("chat.postMessage")).toHaveLength(1);
    expect(fake.files).toHaveLength(1);
    expect(fake.files[0]?.thread_ts).toBe(messageId);
    // A later, identical post (after success) is a new message again.
    await chat.post(message);
    expect(fake.ok("chat.postMessage")).toHaveLength(2);
  });

  it("posts the message without the chart when the chart cannot be drawn", async () => {
    fake = await startFakeSlack();
    const logged: string[] = [];
    const chat = new SlackChat({ client: slackClient(fake), charts: { png: () => Promise.reject(new Error("vega kapot")) }, log: (m) => logged.push(m) });
    await chat.post(withChart());
    expect(fake.ok("chat.postMessage")).toHaveLength(1);
    expect(fake.files).toEqual([]);
    expect(logged[0]).toContain("Jongeren met jeugdhulp");
  });
});
