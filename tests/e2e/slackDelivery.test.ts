/**
 * Proves Slack delivery under real conditions over real HTTP: unsigned, wrongly signed and stale
 * requests get 401 and change nothing; a retried event (same event_id, x-slack-retry-num) counts
 * once; a storm of 429s with Retry-After and 5xx from the Web API leaves messages waiting in the
 * outbox until they all arrive, each exactly once; the URL verification challenge and SSL check of
 * Slack's app settings are answered (signed only); and in production mode (processBeforeResponse
 * false) the ack goes out before the slow work.
 */
import { afterEach, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import type { SignatureMode } from "../support/slackSigner.ts";
import { SLACK_CHANNELS, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const LEER = SLACK_CHANNELS.leerkring;
const START = "2025-03-03T09:00:00Z";

// On the memory store: this is about the adapter, not the database (tests/contract proves the store).
for (const runtime of [memoryRuntime]) {
  describe(`Slack delivery on ${runtime.name}`, () => {
    let w: SlackWorld;
    afterEach(async () => {
      await w.close();
    });

    /** Links the channel with autoStart, imports figures and sends everything: a session thread is open. */
    async function openSession(world: SlackWorld): Promise<{ root: string; sessionId: number }> {
      await seedDin(world.s);
      await world.driver.command("/duiding", "koppel leerkring auto", { user_id: SLACK_USERS.admin.id, channel_id: LEER });
      const imported = await importFigures(world.s);
      const posted = await postChanges(world.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      await drain(world);
      const root = world.posted(LEER, { thread: null }).find((m) => m.text.startsWith("Duiding"))!;
      return { root: root.ts, sessionId: posted.sessions[0]!.sessionId };
    }

    /** Dispatches, moving the clock past every retry delay, until nothing is pending. */
    async function drain(world: SlackWorld, maxPasses = 60) {
      for (let pass = 0; pass < maxPasses; pass++) {
        await world.dispatch();
        const counts = await world.s.outbox.counts();
        if (counts.pending === 0) return counts;
        world.clock.set(new Date(world.clock.now().getTime() + 61_000).toISOString());
      }
      throw new Error(`outbox not drained: ${JSON.stringify(await world.s.outbox.counts())}`);
    }

    const contributions = (sessionId: number) => w.s.sessions.transaction((tx) => tx.contributions(sessionId));

    it("answers Slack's URL verification and SSL check as the app settings page sends them, only when signed", async () => {
      w = await startSlackWorld(runtime, { start: START, processBeforeResponse: false });
      const challenge = JSON.stringify({ token: "legacy", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
      const answered = await w.driver.send(challenge, { "content-type": "application/json" });
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
      expect((await w.driver.send(challenge, { "content-type": "application/json" }, "none")).status).toBe(401);
      // Slash commands: Slack checks the certificate with ssl_check=1 (form-encoded, signed).
      expect((await w.driver.send("ssl_check=1&token=legacy", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(200);
      expect(await w.s.inbox.counts()).toEqual({ stored: 0, unprocessed: 0 });
    });

    it("answers 401 to unsigned, wrongly signed and stale requests and changes nothing", async () => {
      w = await startSlackWorld(runtime, { start: START });
      const { root, sessionId } = await openSession(w);
      const callsBefore = w.fake.calls.length;
      const outboxBefore = await w.s.outbox.counts();
      for (const mode of ["none", "bad", "stale"] as SignatureMode[]) {
        const event = await w.driver.event(
          { type: "message", channel: LEER, user: SLACK_USERS.colleague.id, text: "vervalst", ts: "1741000000.000900", thread_ts: root },
          { signature: mode },
        );
        const command = await w.driver.command("/duiding", "koppel gast", { user_id: SLACK_USERS.admin.id, channel_id: LEER }, mode);
        const action = await w.driver.blockAction(
          { user_id: SLACK_USERS.facilitator.id, channel_id: LEER, message_ts: root, action_id: "session.next", value: String(sessionId) },
          mode,
        );
        const view = await w.driver.viewSubmission({ user_id: SLACK_USERS.facilitator.id, callback_id: "session.conclude", private_metadata: "{}", values: {} }, mode);
        expect([event.status, command.status, action.status, view.status]).toEqual([401, 401, 401, 401]);
      }
      expect(await contributions(sessionId)).toEqual([]);
      expect(await w.s.sessions.transaction((tx) => tx.channel(slackKey(LEER)))).toMatchObject({ audience: "leerkring" });
      expect((await w.s.sessions.transaction((tx) => tx.session(sessionId)))?.current).toBe("herkennen");
      expect(await w.s.outbox.counts()).toEqual(outboxBefore);
      expect(w.fake.calls.length).toBe(callsBefore);
    });

    it("counts a retried event once", async () => {
      w = await startSlackWorld(runtime, { start: START });
      const { root, sessionId } = await openSession(w);
      const event = { type: "message", channel: LEER, user: SLACK_USERS.colleague.id, text: "Dit herken ik.", ts: "1741000000.000001", thread_ts: root };
      const first = await w.driver.event(event, { eventId: "Ev0RETRY" });
      const retries = [await w.driver.event(event, { eventId: "Ev0RETRY", retryNum: 1 }), await w.driver.event(event, { eventId: "Ev0RETRY", retryNum: 2 })];
      expect([first, ...retries].map((r) => r.status)).toEqual([200, 200, 200]);
      await drain(w);
      expect(await contributions(sessionId)).toHaveLength(1);
      expect(w.fake.ok("reactions.add")).toHaveLength(1);
    });

    it("keeps messages in the outbox through a storm of 429s and 5xx, then sends each exactly once", async () => {
      w = await startSlackWorld(runtime, { start: START });
      // The change post and the session thread go out through 429s on posts and a 503 on an update.
      w.fake.fail("chat.postMessage", 4, { status: 429, retryAfterSec: 30 });
      w.fake.fail("chat.update", 1, { status: 503 });
      const { root, sessionId } = await openSession(w);

      w.fake.fail("reactions.add", 6, { status: 429, retryAfterSec: 2 });
      w.fake.fail("chat.update", 3, { status: 502 });
      w.fake.fail("chat.postMessage", 2, { status: 500 });
      const replies = Array.from({ length: 12 }, (_, i) => `1741000000.${String(i + 1).padStart(6, "0")}`);
      for (const [i, ts] of replies.entries()) {
        const user = i % 2 === 0 ? SLACK_USERS.colleague.id : SLACK_USERS.facilitator.id;
        expect((await w.driver.event({ type: "message", channel: LEER, user, text: `Bijdrage ${i + 1}`, ts, thread_ts: root })).status).toBe(200);
      }
      // The facilitator moves on mid-storm: the question post waits behind the failures too.
      await w.driver.blockAction({ user_id: SLACK_USERS.facilitator.id, channel_id: LEER, message_ts: root, action_id: "session.next", value: String(sessionId) });

      const first = await w.dispatch();
      expect(first.retried).toBeGreaterThan(0);
      expect((await w.s.outbox.counts()).pending).toBeGreaterThan(0);
      const counts = await drain(w);
      expect(counts).toMatchObject({ pending: 0, failed: 0 });

      // Everything failed at least once, and still arrived exactly once.
      for (const method of ["chat.postMessage", "chat.update", "reactions.add"]) {
        expect(w.fake.calls.some((c) => c.method === method && c.status !== 200)).toBe(true);
      }
      expect(w.fake.reactions.map((r) => r.timestamp).sort()).toEqual(replies);
      const texts = w.fake.messages.map((m) => `${m.thread_ts ?? "-"}|${m.text}`);
      expect(new Set(texts).size).toBe(texts.length);
      expect(w.posted(LEER, { thread: root }).filter((m) => m.text.startsWith("Verklaren"))).toHaveLength(1);
      expect(JSON.stringify(w.fake.messages.find((m) => m.ts === root)!.blocks)).toContain("Herkennen (12)");
      expect(await contributions(sessionId)).toHaveLength(12);
    });

    it("acks before the slow work in production mode (processBeforeResponse false)", async () => {
      w = await startSlackWorld(runtime, { start: START, processBeforeResponse: false });
      const { root, sessionId } = await openSession(w);
      // A users.info that does not answer until the test says so: the 200 goes out while the listener
      // still waits for it (no clock involved: a held answer, not a slow one).
      w.fake.users.set("U0SLOW", { id: "U0SLOW", real_name: "Trage Collega" });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      w.fake.onAnswer("users.info", () => held);
      const res = await w.driver.event({ type: "message", channel: LEER, user: "U0SLOW", text: "Later verwerkt", ts: "1741000000.000777", thread_ts: root });
      expect(res.status).toBe(200);
      // Had the ack waited for the work, it would never have come: users.info is held until release().
      await expect.poll(() => w.fake.calls.some((c) => c.method === "users.info" && c.body.user === "U0SLOW"), { timeout: 5_000, interval: 10 }).toBe(true);
      expect(await contributions(sessionId)).toHaveLength(0);
      release();
      await expect.poll(async () => (await contributions(sessionId)).length, { timeout: 5_000, interval: 50 }).toBe(1);
      expect((await contributions(sessionId))[0]?.author.name).toBe("Trage Collega");
    });
  });
}
