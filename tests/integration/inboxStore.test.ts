/**
 * Proves the inbox table on PGlite and PostgreSQL: one statement stores a batch, a redelivered event id
 * (in the same batch or later) is skipped without an error, timestamps round-trip in UTC, unprocessed
 * rows page oldest first, marks and failures are recorded, and prune deletes by age.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundEventDraft } from "../../src/app/inbox/ports.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";

const draft = (eventId: string, extra: Partial<InboundEventDraft> = {}): InboundEventDraft => ({
  platform: "slack",
  eventId,
  teamId: "T0FAKE",
  type: "message",
  payload: { type: "event_callback", event_id: eventId, event: { type: "message", text: "Dit herken ik: €, ë en \"quotes\"" } },
  ...extra,
});

for (const runtime of testRuntimes()) {
  describe(`inbox store on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    const clock = fixedClock("2025-03-03T09:00:00Z");
    beforeEach(async () => {
      s = await runtime.open(clock);
    });
    afterEach(async () => {
      await s.dispose();
    });

    it("stores a batch in one statement and skips event ids it has (no error)", async () => {
      await s.inbox.add([draft("Ev1"), draft("Ev2"), draft("Ev1")], new Date("2025-03-03T09:00:00.123Z"));
      await s.inbox.add([draft("Ev2"), draft("Ev3"), draft("Ev1", { platform: "teams" })], new Date("2025-03-03T09:00:01Z"));
      const rows = await s.db.prisma.inboundEvent.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((r) => `${r.platform}:${r.eventId}`)).toEqual(["slack:Ev1", "slack:Ev2", "slack:Ev3", "teams:Ev1"]);
      expect(rows[0]).toMatchObject({ teamId: "T0FAKE", type: "message", processedAt: null, attempts: 0, receivedAt: new Date("2025-03-03T09:00:00.123Z") });
      expect(rows[0]?.payload).toEqual(draft("Ev1").payload);
    });

    it("pages unprocessed rows, marks them, records failures and prunes by age", async () => {
      await s.inbox.add([draft("Ev1"), draft("Ev2")], new Date("2025-03-01T09:00:00Z"));
      await s.inbox.add([draft("Ev3")], new Date("2025-03-03T09:00:00Z"));
      const all = await s.inbox.unprocessed("slack", { receivedBefore: new Date("2025-03-03T09:00:00Z"), afterId: 0, limit: 2 });
      expect(all.map((r) => r.eventId)).toEqual(["Ev1", "Ev2"]);
      const next = await s.inbox.unprocessed("slack", { receivedBefore: new Date("2025-03-03T09:00:00Z"), afterId: all[1]!.id, limit: 2 });
      expect(next.map((r) => r.eventId)).toEqual(["Ev3"]);
      expect(await s.inbox.unprocessed("slack", { receivedBefore: new Date("2025-03-02T00:00:00Z"), afterId: 0, limit: 10 })).toHaveLength(2);

      await s.inbox.markProcessed("slack", ["Ev1", "Ev3"], new Date("2025-03-03T09:05:00Z"));
      await s.inbox.recordFailure("slack", "Ev2", "Slack onbereikbaar");
      const left = await s.inbox.unprocessed("slack", { receivedBefore: new Date("2025-03-04T00:00:00Z"), afterId: 0, limit: 10 });
      expect(left.map((r) => [r.eventId, r.attempts])).toEqual([["Ev2", 1]]);

      expect(await s.inbox.prune(new Date("2025-03-02T00:00:00Z"))).toBe(2);
      expect((await s.db.prisma.inboundEvent.findMany()).map((r) => r.eventId)).toEqual(["Ev3"]);
    });

    it("takes a burst of 500 in one statement", async () => {
      await s.inbox.add(Array.from({ length: 500 }, (_, i) => draft(`EvB${i}`)), clock.now());
      expect(await s.db.prisma.inboundEvent.count()).toBe(500);
    });
  });
}
