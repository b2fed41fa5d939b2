/**
 * The Slack durable inbox on a real database, over real HTTP in production mode: no inbox write, no
 * ack (Slack gets a 500 and delivers again). A reply with a NUL: slackInboxNul.test.ts; the restart:
 * slackInbox.test.ts (split so that no file comes near 10 s, also as the first file of its worker,
 * which loads the modules: issue #14).
 */
import { describe, expect, it } from "vitest";
import type { InboxStore } from "../../src/app/inbox/ports.ts";
import { testRuntimes } from "../support/db.ts";
import { persistentTarget } from "../support/sessionWorld.ts";
import { LEER, reply, slackInboxHarness } from "../support/slackInboxHarness.ts";
import { SLACK_USERS } from "../support/slackWorld.ts";

for (const runtime of testRuntimes()) {
  describe(`Slack durable inbox on ${runtime.name}: writes`, () => {
    const h = slackInboxHarness(runtime);

    it("does not acknowledge an event it could not store: Slack gets a 500 and delivers again", async () => {
      const persistent = await persistentTarget(runtime);
      h.onCleanup(persistent.cleanup);
      // The store's write fails once (a full disk, a database that went away); the stores' own tests
      // prove that a failed write keeps nothing (tests/integration/inboxStore.test.ts).
      let failNext = false;
      const w = await h.world(persistent.target, {
        wrapInbox: (store) => ({
          ...bindAll(store),
          add: (rows, at) => (failNext ? ((failNext = false), Promise.reject(new Error("schijf vol / disk full"))) : store.add(rows, at)),
        }),
      });
      const { root, sessionId } = await h.openSession(w);
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

