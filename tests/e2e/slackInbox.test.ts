/**
 * Proves "restarting the process in the middle of a session loses nothing" for Slack, over real HTTP
 * in production mode (processBeforeResponse false): thread replies that were acknowledged but not yet
 * processed when the process went down (its work queue stopped, the database closed without
 * draining) are in the durable inbox; the next process on the same PGlite folder / PostgreSQL schema
 * replays them on start and records every contribution exactly once — also replies that had been
 * processed but not marked (a crash between the two), and a Slack retry arriving after the restart.
 * What the inbox does with a failed write and a NUL: tests/e2e/slackInboxWrites.test.ts.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { JOURNAL_FILE } from "../../src/store/journalInboxStore.ts";
import type { DatabaseTarget } from "../../src/store/database.ts";
import { testRuntimes } from "../support/db.ts";
import { persistentTarget } from "../support/sessionWorld.ts";
import { reply, slackInboxHarness } from "../support/slackInboxHarness.ts";
import type { SlackWorld } from "../support/slackWorld.ts";

for (const runtime of testRuntimes()) {
  describe(`Slack durable inbox on ${runtime.name}`, () => {
    const h = slackInboxHarness(runtime);

    it("replays on start what was acknowledged but not processed before a crash, each contribution once", async () => {
      const persistent = await persistentTarget(runtime);
      h.onCleanup(persistent.cleanup);
      const first = await h.world(persistent.target);
      const { root, sessionId } = await h.openSession(first);
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
      const second = await h.world(persistent.target, { startAdapter: true });
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
  });
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
