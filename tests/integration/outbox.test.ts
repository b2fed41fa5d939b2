// Proves the outbox dispatcher's edges on PGlite and PostgreSQL: a permanent error fails the row and
// the replies that depend on it, other threads go on; unknown errors are retried, then given up;
// a row for a platform without an adapter waits untried; a newer status update supersedes an older one.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryChat } from "../../adapters/memory/memoryChat.ts";
import type { ChatPort } from "../../src/app/chat.ts";
import type { NeutralMessage } from "../../src/app/messages/message.ts";
import { createDispatcher } from "../../src/app/outbox/dispatch.ts";
import type { OutboxDraft } from "../../src/app/sessions/ports.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";

const message = (text: string): NeutralMessage => ({ target: { channel: "memory:c" }, summary: text, elements: [{ type: "text", text }] });
const row = (key: string, extra: Partial<OutboxDraft> = {}): OutboxDraft => ({ key, channel: "memory:c", kind: "post", message: message(key), ...extra });

for (const runtime of testRuntimes()) {
  describe(`outbox on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    const clock = fixedClock("2025-03-03T09:00:00Z");
    beforeEach(async () => {
      clock.set("2025-03-03T09:00:00Z");
      s = await runtime.open(clock);
    });
    afterEach(async () => {
      await s.dispose();
    });
    const enqueue = (rows: OutboxDraft[]) => s.sessions.transaction((tx) => tx.enqueue(rows, clock.now()));
    const statuses = async () => Object.fromEntries((await s.db.prisma.outboxMessage.findMany()).map((r) => [r.key, r.status]));

    it("fails a row for good on a permanent error, with the replies in its thread; other threads go on", async () => {
      const chat = new MemoryChat();
      await enqueue([row("a"), row("a-reply", { threadKey: "a" }), row("b"), row("b-reply", { threadKey: "b" })]);
      chat.failNext(1, { code: "Invalid" });
      const report = await createDispatcher({ outbox: s.outbox, chats: new Map([["memory", chat]]), clock }).dispatchOnce();
      expect(report).toEqual({ sent: 2, retried: 0, failed: 2 });
      expect(await statuses()).toEqual({ a: "failed", "a-reply": "failed", b: "sent", "b-reply": "sent" });
      expect(chat.posts.map((p) => [p.message.summary, p.message.target.thread ?? null])).toEqual([
        ["b", null],
        ["b-reply", chat.posts[0]!.messageId],
      ]);
    });

    it("retries unknown errors with backoff, then gives up; waits untried for a missing adapter", async () => {
      const broken: ChatPort = { platform: "memory", post: () => Promise.reject(new TypeError("bug")), update: async () => {}, acknowledge: async () => {} };
      await enqueue([row("x"), { ...row("t"), channel: "teams:19:abc" }]);
      const dispatcher = createDispatcher({ outbox: s.outbox, chats: new Map([["memory", broken]]), clock, random: () => 0 });
      for (let i = 0; i < 30; i++) {
        await dispatcher.dispatchOnce();
        clock.set(new Date(clock.now().getTime() + 10 * 60_000).toISOString());
      }
      const rows = await s.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.key, r.status, r.attempts])).toEqual([
        ["x", "failed", 12],
        ["t", "pending", 0],
      ]);
      expect(rows[0]!.lastError).toContain("TypeError: bug");
      expect(rows[1]!.lastError).toContain('no chat adapter for platform "teams"');
    });

    it("sends only the newest of several pending updates of one message", async () => {
      const chat = new MemoryChat();
      await enqueue([row("root")]);
      const dispatcher = createDispatcher({ outbox: s.outbox, chats: new Map([["memory", chat]]), clock });
      await dispatcher.dispatchOnce();
      await enqueue([1, 2, 3].map((n) => ({ key: `u${n}`, channel: "memory:c", kind: "update" as const, refKey: "root", message: message(`v${n}`) })));
      expect(await dispatcher.dispatchOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await statuses()).toEqual({ root: "sent", u1: "superseded", u2: "superseded", u3: "sent" });
      expect(chat.posts[0]).toMatchObject({ updates: 1, current: { summary: "v3" } });
    });
  });
}
