/**
 * Teams under real conditions, over real HTTP against the fake Bot Connector: every kind of bad
 * token gets 401 and causes no connector call and no inbox row; an activity Teams delivers twice
 * adds and sends nothing twice; a throttled (429 with Retry-After) or failing (503) connector leaves
 * the message in the outbox until the wait is over, then it goes out exactly once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { TEAMS_CHANNELS, TEAMS_USERS, teamsKey, startTeamsWorld, type TeamsWorld } from "../support/teamsWorld.ts";

const LEER = TEAMS_CHANNELS.leerkring;
const U = TEAMS_USERS;
const EMPTY_SCOPE = { opgaven: [], doelen: [], indicators: [] };

// The adapter over the in-memory store: how the stores behave on PGlite and PostgreSQL is proven by
// tests/contract, so this file does not start a database (issue #14).
for (const runtime of [memoryRuntime]) {
  describe(`Teams delivery on ${runtime.name}`, () => {
    let w: TeamsWorld;
    beforeEach(async () => {
      w = await startTeamsWorld(runtime, {
        start: "2025-03-03T09:00:00Z",
        channels: [{ key: teamsKey(LEER), name: "Leerkring", audience: "leerkring", scope: EMPTY_SCOPE, autoStart: false }],
      });
      await seedDin(w.s);
    });
    afterEach(async () => {
      await w.close();
    });

    /** Starts a session by @mention and returns its root (after dispatch). */
    async function session() {
      await importFigures(w.s);
      await w.driver.send(w.driver.message(U.facilitator, LEER, "start jeugdhulp", { mention: true }));
      await w.dispatch();
      const root = w.sentIn(LEER, { thread: null }).find((m) => String(m.activity.summary).startsWith("Duiding"));
      if (!root) throw new Error("no session root");
      return root;
    }

    it("answers 401 to a missing, foreign, wrongly addressed, expired or wrong-service token, and calls nothing", async () => {
      const root = await session();
      const calls = w.fake.calls.length;
      const inbox = await w.s.inbox.counts("teams");
      const reply = () => w.driver.message(U.colleague, LEER, "Bijdrage met een vals token", { thread: root.id });
      const help = () => w.driver.message(U.colleague, LEER, "help", { mention: true });
      const bad = [null, { foreignKey: true }, { audience: "00000000-0000-4000-8000-000000000bad" }, { expiresIn: -600 }, { serviceUrl: "http://127.0.0.1:9/" }, { issuer: "https://sts.example.org/" }];
      for (const sign of bad) {
        for (const activity of [reply(), help()]) expect((await w.driver.send(activity, sign)).status, JSON.stringify(sign)).toBe(401);
      }
      expect(w.fake.calls.length).toBe(calls);
      expect(await w.s.inbox.counts("teams")).toEqual(inbox);
      // The same activities, correctly signed, do reach the bot (so the refusals above were the tokens).
      expect((await w.driver.send(help())).status).toBe(200);
      expect(w.fake.calls.length).toBe(calls + 1);
    });

    it("stops the SDK app on stop(), without an error from the server it does not own", async () => {
      const errors: unknown[] = [];
      w.teams.app.event("error", (event) => void errors.push(event.error));
      const stop = vi.spyOn(w.teams.app, "stop");
      await w.teams.stop();
      expect(stop).toHaveBeenCalledOnce();
      expect(errors).toEqual([]);
    });

    it("counts a redelivered reply once and sends its update once", async () => {
      const root = await session();
      const reply = w.driver.message(U.colleague, LEER, "Wij herkennen dit", { thread: root.id, id: "reply-1" });
      expect((await w.driver.send(reply)).status).toBe(200);
      await w.dispatch();
      const sent = w.fake.calls.length;
      const updates = w.fake.sent.find((m) => m.id === root.id)!.updates;
      // Teams got no answer in time and delivers the same activity again.
      expect((await w.driver.send(reply)).status).toBe(200);
      await w.dispatch();
      const sessionId = (await w.s.sessions.transaction((tx) => tx.sessionsInChannel(teamsKey(LEER), { openOnly: true, limit: 5 })))[0]!.id;
      expect(await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).toHaveLength(1);
      expect(w.fake.calls.length).toBe(sent);
      expect(w.fake.sent.find((m) => m.id === root.id)!.updates).toBe(updates);
      expect((await w.s.inbox.counts("teams")).unprocessed).toBe(0);
    });

    it("keeps throttled and failed sends in the outbox and sends them once after the wait", async () => {
      const imported = await importFigures(w.s);
      w.fake.fail("create", 1, { status: 503 });
      await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      await w.dispatch();
      expect(w.sentIn(LEER)).toEqual([]);
      w.clock.set("2025-03-03T09:01:00Z");
      await w.dispatch();
      expect(w.sentIn(LEER, { thread: null })).toHaveLength(1);

      const root = await session();
      w.fake.fail("update", 1, { status: 429, retryAfterSec: 30 });
      await w.driver.send(w.driver.message(U.colleague, LEER, "Wij herkennen dit", { thread: root.id }));
      await w.dispatch();
      const throttled = w.fake.calls.filter((c) => c.status === 429);
      expect(throttled).toHaveLength(1);
      expect(w.fake.sent.find((m) => m.id === root.id)!.updates).toBe(0);
      // Retry-After is honoured: not before 30 seconds.
      w.clock.set("2025-03-03T09:01:20Z");
      await w.dispatch();
      expect(w.fake.sent.find((m) => m.id === root.id)!.updates).toBe(0);
      w.clock.set("2025-03-03T09:02:00Z");
      await w.dispatch();
      await w.dispatch();
      expect(w.fake.sent.find((m) => m.id === root.id)!.updates).toBe(1);
      expect(JSON.stringify(w.fake.sent.find((m) => m.id === root.id)!.activity)).toContain("(1)");
    });
  });
}
