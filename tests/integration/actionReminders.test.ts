/**
 * Reminders of verbeteracties are sent once even with two `serve` instances on one PostgreSQL database:
 * each reminder is claimed by a unique row (action, kind, due date) in the transaction that writes its
 * outbox rows, and the action's row lock makes the second instance wait and then find it claimed.
 */
import { describe, expect, it } from "vitest";
import { adoptConclusion, postChanges, sendActionReminders, submitConclusion } from "../../src/app/sessions/index.ts";
import { fixedClock, TEST_DATABASE_URL, testRuntimes } from "../support/db.ts";
import { actor, importFigures, LEERKRING, openWith, PEOPLE, persistentTarget, seedDin } from "../support/sessionWorld.ts";

const postgres = testRuntimes().find((r) => r.name === "postgres");

describe.skipIf(!TEST_DATABASE_URL || !postgres)("action reminders with two instances on PostgreSQL", () => {
  it("sends each reminder once when both instances run at the same moment", { timeout: 60_000 }, async () => {
    const clock = fixedClock("2025-03-03T09:00:00Z");
    const { target, cleanup } = await persistentTarget(postgres!);
    const a = await openWith(target, clock);
    const b = await openWith(target, clock);
    try {
      await seedDin(a);
      const imported = await importFigures(a);
      const posted = await postChanges(a, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      const session = { sessionId: posted.sessions[0]!.sessionId };
      const values = {
        "conclusion.overall": "Vastgesteld.",
        "action.1.text": "Binnen een week",
        "action.1.owner": "Team",
        "action.1.due": "2025-03-07",
        "action.2.text": "Vandaag",
        "action.2.owner": "Team",
        "action.2.due": "2025-03-03",
      };
      await submitConclusion(a, { actor: actor(PEOPLE.facilitator, LEERKRING), session, values });
      await adoptConclusion(a, { actor: actor(PEOPLE.adopter, LEERKRING), session });

      const rounds = await Promise.all([0, 1, 2].flatMap(() => [sendActionReminders(a, clock.now()), sendActionReminders(b, clock.now())]));
      const sent = rounds.flatMap((r) => r.sent).map((s) => s.kind).sort();
      expect(sent).toEqual(["due", "week"]);
      const rows = await a.db.prisma.outboxMessage.findMany({ where: { key: { contains: ":reminder:" } } });
      // One internal thread (the leerkring; guest threads get no reminders): one post per reminder.
      expect(rows.map((r) => r.channelKey)).toEqual([LEERKRING, LEERKRING]);
      expect(await a.db.prisma.actionReminder.count()).toBe(2);
    } finally {
      await a.close();
      await b.close();
      await cleanup();
    }
  });
});
