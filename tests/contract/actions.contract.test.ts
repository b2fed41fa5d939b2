/**
 * The ActionTx contract on the memory store, PGlite and (with TEST_DATABASE_URL) PostgreSQL: a
 * verbeteractie's status changes apart from the conclusion, with history; lists (open only, per DIN,
 * soonest due first); a reminder is claimed once per action, kind and due date; removing an action from
 * the conclusion removes its history and reminders.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allRuntimes } from "../support/db.ts";
import { openContract, type Contract } from "./contractWorld.ts";

const texts = { herkennen: "h", verklaren: "v", waarderen: "w", verbeteren: "b", overall: "o" };
const sanne = { key: "memory:U1", name: "Sanne" };
const ahmed = { key: "memory:U2", name: "Ahmed" };

for (const runtime of allRuntimes()) {
  describe(`action contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    async function sessionWithActions() {
      const { sessionId } = await c.openSession({ indicators: ["jeugdhulp", "veilig-thuis"] });
      const actions = [
        { text: "later", owner: "Team", due: "2025-06-30", status: "open" as const },
        { text: "zonder datum", owner: "Sanne", status: "open" as const },
        { text: "eerst", owner: "Ahmed", due: "2025-04-01", status: "open" as const },
      ];
      await c.tx((tx) => tx.saveConclusion(sessionId, { texts, actions, by: sanne, at: c.clock.now() }));
      const stored = await c.tx((tx) => tx.actions(sessionId));
      return { sessionId, ids: stored.map((a) => a.id!) };
    }

    it("changes a status with history, keeps it through a new conclusion version, and lists open ones soonest first", async () => {
      const { sessionId, ids } = await sessionWithActions();
      const [later, undated, first] = ids as [number, number, number];
      expect(await c.tx((tx) => tx.action(first))).toMatchObject({
        id: first,
        sessionId,
        dinSlug: "hilversum",
        subject: { kind: "indicator", id: "jeugdhulp" },
        indicatorIds: ["jeugdhulp", "veilig-thuis"],
        text: "eerst",
        owner: "Ahmed",
        due: "2025-04-01",
        status: "open",
        adopted: false,
      });
      expect(await c.tx((tx) => tx.action(9999))).toBeUndefined();

      c.clock.set("2025-03-10T08:00:00Z");
      await c.tx((tx) => tx.setActionStatus(first, { from: "open", to: "bezig", by: ahmed, at: c.clock.now() }));
      c.clock.set("2025-03-11T08:00:00Z");
      await c.tx((tx) => tx.setActionStatus(first, { from: "bezig", to: "gereed", by: sanne, at: c.clock.now() }));
      await c.tx((tx) => tx.setActionStatus(later, { from: "open", to: "vervallen", by: sanne, at: c.clock.now() }));
      expect(await c.tx((tx) => tx.actionHistory(first))).toEqual([
        { from: "open", to: "bezig", by: ahmed, at: new Date("2025-03-10T08:00:00Z") },
        { from: "bezig", to: "gereed", by: sanne, at: new Date("2025-03-11T08:00:00Z") },
      ]);
      expect(await c.tx((tx) => tx.actionHistory(undated))).toEqual([]);

      // The facilitator revises the conclusion: texts change, statuses stay.
      await c.tx((tx) =>
        tx.saveConclusion(sessionId, {
          texts,
          actions: [
            { text: "later, herzien", owner: "Team", due: "2025-07-31", status: "open" },
            { text: "zonder datum", owner: "Sanne", status: "open" },
            { text: "eerst", owner: "Ahmed", due: "2025-04-01", status: "open" },
          ],
          by: sanne,
          at: c.clock.now(),
        }),
      );
      expect((await c.tx((tx) => tx.actions(sessionId))).map((a) => [a.id, a.text, a.status])).toEqual([
        [later, "later, herzien", "vervallen"],
        [undated, "zonder datum", "open"],
        [first, "eerst", "gereed"],
      ]);

      const all = await c.tx((tx) => tx.listActions({}));
      expect(all.map((a) => a.id)).toEqual([first, later, undated]);
      expect((await c.tx((tx) => tx.listActions({ openOnly: true }))).map((a) => a.id)).toEqual([undated]);
      expect(await c.tx((tx) => tx.listActions({ dinSlug: "elders" }))).toEqual([]);
      expect((await c.tx((tx) => tx.listActions({ dueBetween: ["2025-04-01", "2025-07-31"] }))).map((a) => a.id)).toEqual([first, later]);
      expect((await c.tx((tx) => tx.listActions({ dueBetween: ["2025-04-02", "2025-07-30"] }))).map((a) => a.id)).toEqual([]);

      await c.tx((tx) => tx.adoptConclusion(sessionId, { by: ahmed, at: c.clock.now() }));
      expect((await c.tx((tx) => tx.action(undated)))?.adopted).toBe(true);

      // The summary for guests is part of a version (closing the loop); a version without one has none.
      await c.tx((tx) => tx.saveConclusion(sessionId, { texts, guestSummary: "Voor de gasten.", actions: [], by: sanne, at: c.clock.now() }));
      const conclusion = await c.tx((tx) => tx.conclusion(sessionId));
      expect(conclusion?.revisions.map((r) => r.guestSummary)).toEqual([undefined, undefined, "Voor de gasten."]);
    });

    it("claims a reminder once per action, kind and due date; a shorter list drops the removed action's rows", async () => {
      const { sessionId, ids } = await sessionWithActions();
      const [later, undated] = ids as [number, number, number];
      expect(await c.tx((tx) => tx.claimReminder(later, "week", "2025-06-30", c.clock.now()))).toBe(true);
      expect(await c.tx((tx) => tx.claimReminder(later, "week", "2025-06-30", c.clock.now()))).toBe(false);
      expect(await c.tx((tx) => tx.claimReminder(later, "due", "2025-06-30", c.clock.now()))).toBe(true);
      // A new due date is a new reminder.
      expect(await c.tx((tx) => tx.claimReminder(later, "week", "2025-07-31", c.clock.now()))).toBe(true);
      // A failed transaction leaves no claim behind.
      await expect(
        c.tx(async (tx) => {
          await tx.claimReminder(undated, "due", "2025-05-01", c.clock.now());
          throw new Error("rollback");
        }),
      ).rejects.toThrow("rollback");
      expect(await c.tx((tx) => tx.claimReminder(undated, "due", "2025-05-01", c.clock.now()))).toBe(true);

      await c.tx((tx) => tx.setActionStatus(undated, { from: "open", to: "bezig", by: sanne, at: c.clock.now() }));
      await c.tx((tx) => tx.saveConclusion(sessionId, { texts, actions: [{ text: "later", owner: "Team", status: "open" }], by: sanne, at: c.clock.now() }));
      expect(await c.tx((tx) => tx.action(undated))).toBeUndefined();
      expect(await c.tx((tx) => tx.actionHistory(undated))).toEqual([]);
      await expect(c.tx((tx) => tx.setActionStatus(undated, { from: "bezig", to: "gereed", by: sanne, at: c.clock.now() }))).rejects.toThrow();
    });

    it("relabels a guest's contributions in open sessions only when they choose a perspective", async () => {
      const open = await c.openSession();
      const closed = await c.openSession({ indicators: ["veilig-thuis"] });
      const guest = { key: "memory:G1", name: "Gast" };
      const add = (session: { sessionId: number; threads: { id: number }[] }, id: string, extra = {}) =>
        c.tx((tx) => tx.addContribution(c.contribution(session.sessionId, session.threads[0]!.id, id, { author: guest, audience: "gast", perspective: "adviesraad", ...extra })));
      await add(open, "g1");
      await add(open, "g2", { audience: "leerkring" });
      await add(closed, "g3");
      await c.tx((tx) => tx.closeSession(closed.sessionId, c.clock.now()));
      expect(await c.tx((tx) => tx.relabelGuestContributions(guest.key, "ervaringsdeskundige"))).toBe(1);
      const labels = async (sessionId: number) => (await c.tx((tx) => tx.contributions(sessionId))).map((x) => [x.messageId, x.perspective]);
      expect(await labels(open.sessionId)).toEqual([["g1", "ervaringsdeskundige"], ["g2", "adviesraad"]]);
      expect(await labels(closed.sessionId)).toEqual([["g3", "adviesraad"]]);
    });
  });
}
