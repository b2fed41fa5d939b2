/**
 * Form submissions whose id is not one of ours (an old modal from an earlier version, or a tampered
 * callback_id) are answered clearly: the modal closes, the person gets one line in the thread, and
 * nothing is stored — before, every unknown id was taken for the conclusion form.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryRuntime } from "../support/db.ts";
import { outboxRows, processedEventCount } from "../support/peek.ts";
import { seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const { leerkring: LEER } = SLACK_CHANNELS;

// On the memory store: this is about the adapter, not the database (tests/contract proves the store).
for (const runtime of [memoryRuntime]) {
  describe(`Slack forms on ${runtime.name}`, () => {
    let w: SlackWorld;
    beforeEach(async () => {
      w = await startSlackWorld(runtime, { start: "2025-03-03T09:00:00Z" });
      await seedDin(w.s);
    });
    afterEach(async () => {
      await w.close();
    });

    it("answers a submission of an unknown form with one line and stores nothing", async () => {
      const metadata = JSON.stringify({ s: "1", c: slackKey(LEER), t: "1741000000.000100" });
      const values = { "conclusion.overall": { c: { type: "plain_text_input", value: "Vastgesteld?" } } };
      const response = await w.driver.viewSubmission({ user_id: SLACK_USERS.facilitator.id, callback_id: "session.onbekend", private_metadata: metadata, values });
      expect(response).toMatchObject({ status: 200, body: "" });
      const answers = w.fake.ok("chat.postEphemeral").map((c) => c.body as { channel: string; user: string; text: string; thread_ts?: string });
      expect(answers).toEqual([
        expect.objectContaining({ channel: LEER, user: SLACK_USERS.facilitator.id, thread_ts: "1741000000.000100", text: expect.stringContaining("Dit formulier kennen we niet") }),
      ]);
      expect(await w.s.sessions.transaction((tx) => tx.openSessions())).toEqual([]);
      expect(await outboxRows(w.s)).toEqual([]);
      expect(await processedEventCount(w.s)).toBe(0);
    });
  });
}
