/**
 * Proves "restarting the process in the middle of a session loses nothing" for Slack, over real HTTP
 * in production mode (processBeforeResponse false): thread replies that were acknowledged but not yet
 * processed when the process went down (its work queue stopped, the database closed without
 * draining) are in the durable inbox; the next process on the same PGlite folder / PostgreSQL schema
 * replays them on start and records every contribution exactly once — also replies that had been
 * processed but not marked (a crash between the two), and a Slack retry arriving after the restart.
 * And: no inbox write, no ack (Slack gets a 500 and delivers again). A reply with a NUL character in
 * its text (which PostgreSQL refuses) is recorded without it, and holds up nothing behind it.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { InboxStore } from "../../src/app/inbox/ports.ts";
import { JOURNAL_FILE } from "../../src/store/journalInboxStore.ts";
import { postChanges } from "../../src/app/sessions/index.ts";
import type { DatabaseTarget } from "../../src/store/database.ts";
import { testRuntimes } from "../support/db.ts";
import { startFakeSlack, type FakeSlack } from "../support/fakeSlack.ts";
import { importFigures, persistentTarget, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld, type SlackWorldOptions } from "../support/slackWorld.ts";

const LEER = SLACK_CHANNELS.leerkring;
const START = "2025-03-03T09:00:00Z";
const CHANNELS = [{ key: slackKey(LEER), name: "#leerkring", audience: "leerkring" as const, scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true }];

for (const runtime of testRuntimes()) {
  describe(`Slack durable inbox on ${runtime.name}`, () => {
    let fake: FakeSlack | undefined;
    let worlds: SlackWorld[] = [];
    let cleanup: (() => Promise<void>) | undefined;
    afterEach(async () => {
      for (const w of worlds) await w.close().catch(() => {});
      worlds = [];
      await fake?.close();
      await cleanup?.();
      fake = undefined;
      cleanup = undefined;
    });

    async function world(target: DatabaseTarget, options: Pick<SlackWorldOptions, "startAdapter" | "wrapInbox"> = {}): Promise<SlackWorld> {
      fake ??= await startFakeSlack();
      const w = await startSlackWorld(runtime, { start: START, target, fake, channels: CHANNELS, processBeforeResponse: false, ...options });
      worlds.push(w);
      return w;
    }

    async function openSession(w: SlackWorld): Promise<{ root: string; sessionId: number }> {
      await seedDin(w.s);
      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      await w.dispatch();
      const root = w.posted(LEER, { thread: null }).find((m) => m.text.startsWith("Duiding"))!;
      return { root: root.ts, sessionId: posted.sessions[0]!.sessionId };
    }

    const reply = (w: SlackWorld, root: string, n: number, eventId: string, retryNum?: number) =>
      w.driver.event(
        { type: "message", channel: LEER, user: n % 2 ? SLACK_USERS.colleague.id : SLACK_USERS.facilitator.id, text: `Bijdrage ${n}`, ts: `1741000000.${String(n).padStart(6, "0")}`, thread_ts: root },
        { eventId, ...(retryNum !== undefined ? { retryNum } : {}) },
      );

    it("replays on start what was acknowledged but not processed before a crash, each contribution once", async () => {
      const persistent = await persistentTarget(runtime);
      cleanup = persistent.cleanup;
      const first = await world(persistent.target);
      const { root, sessionId } = await openSession(first);
      const contributions = async (w: SlackWorld) => w.s.sessions.transaction((tx) => tx.contributions(sessionId));

      // Three replies are processed normally.
      for (const n of [1, 2, 3]) expect((await reply(first, root, n, `EvCRASH${n}`)).status).toBe(200);
      await expect.poll(async () => (await contributions(first)).length, { timeout: 5_000, interval: 20 }).toBe(3);
      await first.slack.inbox.flush();

      // The process stops working after the ack: seven more replies (and a Slack retry of one) are acknowledged...
      await first.slack.queue.stop();
      for (const n of [4, 5, 6, 7, 8, 9, 10]) {
        const res = await reply(first, root, n, `EvCRASH${n}`);
        expect(res.status).toBe(200);
        expect(res.ms).toBeLessThan(1_000);
      }
      expect((await reply(first, root, 5, "EvCRASH5", 1)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // ...but not processed; they are in the inbox, unprocessed.
      expect(await contributions(first)).toHaveLength(3);
      expect(await first.s.inbox.counts("slack")).toEqual({ stored: 10, unprocessed: 7 });
      const waiting = await first.s.inbox.unprocessed("slack", { receivedBefore: new Date("2100-01-01"), afterId: 0, limit: 100 });
      expect(waiting.map((r) => r.eventId)).toEqual([4, 5, 6, 7, 8, 9, 10].map((n) => `EvCRASH${n}`));
      expect(JSON.stringify(waiting[0]?.payload)).not.toContain('"token"');
      await first.close(); // no drain: the database closes with the work undone
      // A crash between a use case's commit and its mark: the first three look unprocessed too.
      await forgetInboxMarks(persistent.target);

      // The next process on the same database replays all ten on start.
      const second = await world(persistent.target, { startAdapter: true });
      expect(second.started?.replay).toEqual({ replayed: 10, failed: 0, stopped: false });
      const recorded = await contributions(second);
      expect(recorded.map((c) => c.text).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Bijdrage ${n}`).sort());
      expect(new Set(recorded.map((c) => c.messageId)).size).toBe(10);
      expect(recorded.find((c) => c.text === "Bijdrage 4")?.author.name).toBe("Sanne Facilitator");

      // A Slack retry after the restart changes nothing; every reply got exactly one ✅.
      expect((await reply(second, root, 7, "EvCRASH7", 2)).status).toBe(200);
      await second.slack.inbox.flush();
      await second.dispatch();
      expect(await contributions(second)).toHaveLength(10);
      expect(second.fake.reactions.map((r) => r.timestamp).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `1741000000.${String(n).padStart(6, "0")}`));
      await expect.poll(async () => (await second.s.inbox.counts()).unprocessed, { timeout: 5_000, interval: 20 }).toBe(0);

      // Rows go after 7 days.
      second.clock.set("2025-03-10T09:00:01Z");
      expect(await second.slack.inbox.prune()).toBe(10);
    });

    it("does not acknowledge an event it could not store: Slack gets a 500 and delivers again", async () => {
      const persistent = await persistentTarget(runtime);
      cleanup = persistent.cleanup;
      // The store's write fails once (a full disk, a database that went away); the stores' own tests
      // prove that a failed write keeps nothing (tests/integration/inboxStore.test.ts).
      let failNext = false;
      const w = await world(persistent.target, {
        wrapInbox: (store) => ({
          ...bindAll(store),
          add: (rows, at) => (failNext ? ((failNext = false), Promise.reject(new Error("schijf vol / disk full"))) : store.add(rows, at)),
        }),
      });
      const { root, sessionId } = await openSession(w);
      failNext = true;
      expect((await reply(w, root, 1, "EvNOSTORE")).status).toBe(500);
      expect(await w.s.inbox.counts()).toEqual({ stored: 0, unprocessed: 0 });
      expect((await reply(w, root, 1, "EvNOSTORE", 1)).status).toBe(200);
      await expect.poll(async () => (await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).length, { timeout: 5_000, interval: 20 }).toBe(1);
      // Commands, buttons and modals are not stored: the inbox holds the one reply.
      expect((await w.driver.command("/duiding", "status", { user_id: SLACK_USERS.colleague.id, channel_id: LEER })).status).toBe(200);
      await w.slack.inbox.flush();
      expect(await w.s.inbox.counts()).toEqual({ stored: 1, unprocessed: 0 });
    });

    it("records a reply with a NUL in its text (without the NUL), and every good reply after it", { timeout: 90_000 }, async () => {
      const persistent = await persistentTarget(runtime);
      cleanup = persistent.cleanup;
      const w = await world(persistent.target);
      const { root, sessionId } = await openSession(w);
      const poison = { type: "message", channel: LEER, user: SLACK_USERS.colleague.id, text: "Kapot\u0000 bericht\ud800", ts: "1741000001.000001", thread_ts: root };
      expect((await w.driver.event(poison, { eventId: "EvNUL" })).status).toBe(200);
      for (const n of [1, 2, 3, 4, 5]) expect((await reply(w, root, n, `EvGOOD${n}`)).status).toBe(200);
      const texts = async () => (await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).map((c) => c.text).sort();
      await expect.poll(texts, { timeout: 10_000, interval: 50 }).toEqual(["Bijdrage 1", "Bijdrage 2", "Bijdrage 3", "Bijdrage 4", "Bijdrage 5", "Kapot bericht\ufffd"]);
      await w.slack.inbox.flush();
      expect((await w.s.inbox.counts()).unprocessed).toBe(0);
    });
  });
}

/** The store's methods bound to it, to override one in a wrapper. */
function bindAll(store: InboxStore): InboxStore {
  return {
    add: (rows, at) => store.add(rows, at),
    markProcessed: (platform, ids, at) => store.markProcessed(platform, ids, at),
    unprocessed: (platform, options) => store.unprocessed(platform, options),
    recordFailure: (platform, id, error, parkAt) => store.recordFailure(platform, id, error, parkAt),
    parked: (platform) => store.parked(platform),
    unpark: (platform, ids) => store.unpark(platform, ids),
    prune: (before, parkedBefore) => store.prune(before, parkedBefore),
    counts: (platform) => store.counts(platform),
    close: () => store.close(),
  };
}

/**
 * As if the process died after each use case committed but before its inbox mark reached the disk:
 * the PGlite folder's journal loses its "done" lines, PostgreSQL's table its processedAt values.
 */
async function forgetInboxMarks(target: DatabaseTarget): Promise<void> {
  if (target.kind === "pglite") {
    const file = path.join(target.dataDir!, JOURNAL_FILE);
    const lines = (await readFile(file, "utf8")).split("\n").filter((line) => !line.startsWith('{"op":"done"'));
    await writeFile(file, lines.join("\n"));
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`UPDATE "${target.schema}"."InboundEvent" SET "processedAt" = NULL`);
  } finally {
    await client.end();
  }
}
