/**
 * Proves that a reply to a session's root that arrives while the root is still being sent is counted,
 * within seconds, and not acked and dropped (issue: the root's ts was stored only after its charts were
 * uploaded, and a reply in the meantime was judged "not a session thread" and marked processed).
 * Over real HTTP in production mode (ack first), with the fake Slack stand-in replying in the thread:
 * - the moment chat.postMessage returns the root (while the charts upload);
 * - even before the bot has the answer (a person sees the message first): the reply is deferred in the
 *   inbox and runs again as soon as the root's ts is stored.
 * A reply in a thread that is not ours is still marked processed (nothing piles up).
 */
import { afterEach, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const LEER = SLACK_CHANNELS.leerkring;
const CHANNELS = [{ key: slackKey(LEER), name: "#leerkring", audience: "leerkring" as const, scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true }];
/** "Within seconds": far below the minute's replay pass. */
const SECONDS = { timeout: 3_000, interval: 20 };

// On the memory store: this is about the adapter, not the database (tests/contract proves the store).
for (const runtime of [memoryRuntime]) {
  describe(`Slack: a reply to a root still being sent, on ${runtime.name}`, () => {
    let w: SlackWorld;
    afterEach(async () => {
      await w.close();
    });

    const isSessionRoot = (body: Record<string, unknown>) => body.thread_ts === undefined && String(body.text).startsWith("Duiding");
    const reply = (threadTs: string, n: number, eventId: string) =>
      w.driver.event(
        { type: "message", channel: LEER, user: SLACK_USERS.colleague.id, text: `Bijdrage ${n}`, ts: `1741000000.${String(n).padStart(6, "0")}`, thread_ts: threadTs },
        { eventId },
      );

    /** Opens a session (its root and status go to the outbox) and returns a dispatch of it, not awaited yet. */
    async function openSession(): Promise<{ sessionId: number; contributions(): Promise<number> }> {
      w = await startSlackWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: CHANNELS, processBeforeResponse: false, realCharts: true });
      await seedDin(w.s);
      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      const sessionId = posted.sessions[0]!.sessionId;
      return { sessionId, contributions: async () => (await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).length };
    }

    it("counts a reply sent the moment chat.postMessage returns the root, while its charts upload", { timeout: 90_000 }, async () => {
      const session = await openSession();
      // Uploads as slow as real Slack's: the root's row is sent (charts included) only seconds later.
      w.fake.delay("files.getUploadURLExternal", 150);
      let replied: Promise<{ status: number }> | undefined;
      w.fake.onAnswer("chat.postMessage", (answer, body) => {
        if (isSessionRoot(body)) replied ??= reply(String(answer.ts), 1, "EvFAST");
      });
      const dispatched = w.dispatch();
      await expect.poll(() => replied !== undefined, SECONDS).toBe(true);
      expect((await replied!).status).toBe(200);
      await expect.poll(session.contributions, SECONDS).toBe(1);
      await dispatched;
      expect(w.fake.ok("files.completeUploadExternal").length).toBeGreaterThan(0);
      await w.slack.inbox.flush();
      expect((await w.s.inbox.counts()).unprocessed).toBe(0);
    });

    it("defers a reply that arrives before the bot has the root's ts, and counts it once the ts is stored", { timeout: 90_000 }, async () => {
      const session = await openSession();
      const root = { ts: "" };
      w.fake.onAnswer("chat.postMessage", async (answer, body) => {
        if (!isSessionRoot(body) || root.ts) return;
        root.ts = String(answer.ts);
        // Slack shows the root to people before the bot's API call returns: a reply, and one in another thread.
        expect((await reply(root.ts, 1, "EvEARLY")).status).toBe(200);
        expect((await reply("1700000000.999999", 2, "EvOTHER")).status).toBe(200);
        await expect.poll(() => w.slack.inbox.waitingForWake, SECONDS).toBe(2);
        expect(await session.contributions()).toBe(0);
      });
      const started = Date.now();
      await w.dispatch();
      await expect.poll(session.contributions, SECONDS).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
      // The reply in a thread that is not ours is processed (not counted) as soon as the root is known.
      await expect.poll(() => w.slack.inbox.waitingForWake, SECONDS).toBe(0);
      await w.slack.inbox.flush();
      expect((await w.s.inbox.counts()).unprocessed).toBe(0);
      expect(await session.contributions()).toBe(1);
    });

    it("applies an edit of a reply that is itself still waiting for its root, once both can run", { timeout: 90_000 }, async () => {
      const session = await openSession();
      const root = { ts: "" };
      w.fake.onAnswer("chat.postMessage", async (answer, body) => {
        if (!isSessionRoot(body) || root.ts) return;
        root.ts = String(answer.ts);
        expect((await reply(root.ts, 4, "EvEARLY4")).status).toBe(200);
        const edit = { type: "message", subtype: "message_changed", channel: LEER, event_ts: "1741000001.000000" };
        const message = { ts: "1741000000.000004", text: "Bijdrage 4, aangepast", user: SLACK_USERS.colleague.id, thread_ts: root.ts };
        expect((await w.driver.event({ ...edit, message }, { eventId: "EvEDIT4" })).status).toBe(200);
        await expect.poll(() => w.slack.inbox.waitingForWake, SECONDS).toBe(2);
      });
      await w.dispatch();
      const texts = async () => (await w.s.sessions.transaction((tx) => tx.contributions(session.sessionId))).map((c) => c.text);
      await expect.poll(texts, SECONDS).toEqual(["Bijdrage 4, aangepast"]);
      await w.slack.inbox.flush();
      expect((await w.s.inbox.counts()).unprocessed).toBe(0);
    });

    it("marks a reply in a thread that is not ours processed at once when no root is on its way", { timeout: 90_000 }, async () => {
      const session = await openSession();
      await w.dispatch();
      expect((await reply("1700000000.999999", 3, "EvSTRAY")).status).toBe(200);
      await expect.poll(async () => (await w.slack.inbox.flush(), (await w.s.inbox.counts()).unprocessed), SECONDS).toBe(0);
      expect(w.slack.inbox.waitingForWake).toBe(0);
      expect(await session.contributions()).toBe(0);
    });
  });
}
