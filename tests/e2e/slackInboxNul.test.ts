/**
 * The Slack durable inbox on a real database, over real HTTP in production mode: a reply with a NUL
 * character in its text (which PostgreSQL refuses) is recorded without it, and holds up nothing behind
 * it. (Split from slackInboxWrites.test.ts: issue #14.)
 */
import { describe, expect, it } from "vitest";
import { testRuntimes } from "../support/db.ts";
import { persistentTarget } from "../support/sessionWorld.ts";
import { LEER, reply, slackInboxHarness } from "../support/slackInboxHarness.ts";
import { SLACK_USERS } from "../support/slackWorld.ts";

for (const runtime of testRuntimes()) {
  describe(`Slack durable inbox on ${runtime.name}: a NUL`, () => {
    const h = slackInboxHarness(runtime);

    it("records a reply with a NUL in its text (without the NUL), and every good reply after it", { timeout: 90_000 }, async () => {
      const persistent = await persistentTarget(runtime);
      h.onCleanup(persistent.cleanup);
      const w = await h.world(persistent.target);
      const { root, sessionId } = await h.openSession(w);
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
