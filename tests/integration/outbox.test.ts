// Proves the outbox dispatcher's edges on PGlite and PostgreSQL: a permanent error fails the row and
// the replies that depend on it, other threads go on; unknown errors are retried, then given up;
// a row for a platform without an adapter waits untried; a newer status update supersedes an older one;
// a guest message the DIN in force now would show less of is rendered again or withdrawn.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryChat } from "../../adapters/memory/memoryChat.ts";
import type { ChatPort } from "../../src/app/chat.ts";
import type { NeutralMessage } from "../../src/app/messages/message.ts";
import { createDispatcher } from "../../src/app/outbox/dispatch.ts";
import type { OutboxDraft } from "../../src/app/sessions/ports.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";

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

    it("retries unknown errors with backoff, then gives up; parks rows of a platform that is off once, and sends them when it is on", async () => {
      const broken: ChatPort = { platform: "memory", post: () => Promise.reject(new TypeError("bug")), update: async () => {}, acknowledge: async () => {} };
      // DUIDBOT_WEB=off: a session's web thread still gets its posts (a question moved in Slack).
      await enqueue([row("x"), { ...row("w"), channel: "web:werkplek" }, { ...row("w-reply", { threadKey: "w" }), channel: "web:werkplek" }]);
      const lines: string[] = [];
      const chats = new Map<string, ChatPort>([["memory", broken]]);
      const dispatcher = createDispatcher({ outbox: s.outbox, chats, clock, random: () => 0, log: (l) => lines.push(l) });
      const reports = [];
      for (let i = 0; i < 30; i++) {
        reports.push(await dispatcher.dispatchOnce());
        clock.set(new Date(clock.now().getTime() + 10 * 60_000).toISOString());
      }
      const rows = await s.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.key, r.status, r.attempts])).toEqual([
        ["x", "failed", 12],
        ["w", "pending", 0],
        ["w-reply", "pending", 0],
      ]);
      expect(rows[0]!.lastError).toContain("TypeError: bug");
      expect(rows[1]!.lastError).toContain('no chat adapter for platform "web"');
      // Parked once, not retried every 10 minutes: one claim, one log line for the platform.
      expect(reports.slice(1).every((r) => r.retried <= 1)).toBe(true);
      expect(rows[1]!.nextAttemptAt).toEqual(new Date("9999-01-01T00:00:00Z"));
      expect(lines.filter((l) => l.includes('"web" geparkeerd'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes("outbox: w "))).toEqual([]);

      // The web is on again (a restart with DUIDBOT_WEB=on registers its chat): the thread goes out in order.
      const web = new MemoryChat();
      chats.set("web", web);
      expect(await dispatcher.dispatchOnce()).toMatchObject({ sent: 2 });
      expect(web.posts.map((p) => p.message.summary)).toEqual(["w", "w-reply"]);
      expect(lines.at(-1)).toContain("1 parked message(s) due again");
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

    it("never sends a guest message as it is when the DIN in force now shows guests less of its indicators", async () => {
      const din = buildDin({ indicators: [buildIndicator({ id: "a", unit: "aantal" }), buildIndicator({ id: "b", unit: "aantal" }), buildIndicator({ id: "c", unit: "%" })] });
      await s.dins.saveDinVersion(din, { fileName: "din.yaml", contentHash: "v1" });
      const shows = (id: string, visibility: "openbaar" | "intern" = "openbaar", smallNumbers: number | null = 10) => ({ id, visibility, smallNumbers });
      const guest = (...list: ReturnType<typeof shows>[]) => ({ din: "hilversum", shows: list, source: { kind: "change-post" as const, changePostId: 1 } });
      await enqueue([
        row("a-intern", { guest: guest(shows("a")) }),
        row("b-limit", { guest: guest(shows("b"), shows("c", "openbaar", null)) }),
        row("c-looser", { guest: guest(shows("c", "openbaar", 5)) }),
        row("unchanged", { guest: guest(shows("a", "intern"), shows("b", "openbaar", 20)) }),
        row("staff"),
      ]);
      // The next version: a turns intern, b's limit rises to 20, c (a percentage) loses any rule.
      const next = din.indicators.map((i) => (i.id === "a" ? { ...i, visibility: "intern" as const } : i.id === "b" ? { ...i, smallNumbers: 20 } : i));
      await s.dins.saveDinVersion({ ...din, indicators: next }, { fileName: "din.yaml", contentHash: "v2" });
      const chat = new MemoryChat();
      // No renderer: stale guest messages are withdrawn.
      expect(await createDispatcher({ outbox: s.outbox, chats: new Map([["memory", chat]]), clock }).dispatchOnce()).toEqual({ sent: 3, retried: 0, failed: 2 });
      expect(await statuses()).toEqual({ "a-intern": "failed", "b-limit": "failed", "c-looser": "sent", unchanged: "sent", staff: "sent" });
      // With a renderer: what it renders is sent instead.
      await enqueue([row("again", { guest: guest(shows("a")) })]);
      const rerender = async () => message("opnieuw");
      expect(await createDispatcher({ outbox: s.outbox, chats: new Map([["memory", chat]]), clock, rerender }).dispatchOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(chat.posts.at(-1)?.message.summary).toBe("opnieuw");
    });
  });
}
