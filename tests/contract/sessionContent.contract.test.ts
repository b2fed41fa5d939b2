/**
 * The SessionStore contract for what a session collects, on the memory store, PGlite and (with
 * TEST_DATABASE_URL) PostgreSQL: contributions (one per platform message, order, counts without
 * withdrawn ones, revisions) and conclusions (versions, current actions, adoption, per indicator).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allRuntimes } from "../support/db.ts";
import { contributionRevisions } from "../support/peek.ts";
import { openContract, type Contract } from "./contractWorld.ts";

const texts = { herkennen: "h", verklaren: "v", waarderen: "w", verbeteren: "b", overall: "o" };
const by = { key: "memory:U1", name: "Sanne" };

for (const runtime of allRuntimes()) {
  describe(`session content contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    it("keeps one contribution per platform message, in posting order, with counts and revisions", async () => {
      const { sessionId, threads } = await c.openSession();
      const thread = threads[0]!.id;
      c.clock.set("2025-03-03T10:00:00Z");
      const later = await c.tx((tx) => tx.addContribution(c.contribution(sessionId, thread, "m1")));
      c.clock.set("2025-03-03T09:30:00Z");
      const earlier = await c.tx((tx) => tx.addContribution(c.contribution(sessionId, thread, "m2", { question: "verklaren", audience: "gast" })));
      expect(await c.tx((tx) => tx.addContribution(c.contribution(sessionId, thread, "m1", { eventKey: "other" })))).toBeUndefined();
      const third = await c.tx((tx) => tx.addContribution(c.contribution(sessionId, thread, "m3")));
      // The skipped duplicate drew an id, as INSERT … ON CONFLICT DO NOTHING does.
      expect([later, earlier, third]).toEqual([1, 2, 4]);
      expect((await c.tx((tx) => tx.contributions(sessionId))).map((x) => x.messageId)).toEqual(["m2", "m3", "m1"]);

      await c.tx((tx) => tx.reviseContribution(later!, { kind: "edit", at: c.clock.now(), text: "nieuw", eventKey: "e-edit" }));
      await c.tx((tx) => tx.reviseContribution(third!, { kind: "reassign", at: c.clock.now(), question: "waarderen" }));
      await c.tx((tx) => tx.reviseContribution(earlier!, { kind: "withdraw", at: c.clock.now() }));
      const m1 = await c.tx((tx) => tx.contributionByMessage("memory:a", "m1"));
      expect(m1).toMatchObject({ text: "nieuw", question: "herkennen", editedAt: c.clock.now(), author: { name: "Sanne" } });
      expect(m1?.withdrawnAt).toBeUndefined();
      expect(await c.tx((tx) => tx.contributionByMessage("memory:a", "m2"))).toMatchObject({ withdrawnAt: c.clock.now(), text: "tekst m2" });
      const counts = await c.tx((tx) => tx.contributionCounts(sessionId));
      expect(counts.sort((a, b) => a.question.localeCompare(b.question))).toEqual([
        { question: "herkennen", audience: "leerkring", count: 1 },
        { question: "waarderen", audience: "leerkring", count: 1 },
      ]);
      const revisions = await contributionRevisions(c.s);
      expect(revisions.get("m1")).toEqual([["edit", "tekst m1"]]);
      expect(revisions.get("m2")).toEqual([["withdraw", "tekst m2"]]);
      expect(revisions.get("m3")).toEqual([["reassign", "tekst m3"]]);
      await expect(c.tx((tx) => tx.reviseContribution(999, { kind: "withdraw", at: c.clock.now() }))).rejects.toThrow();
    });

    it("keeps every conclusion version, follows the newest actions, adopts the newest, and lists them per indicator", async () => {
      const first = await c.openSession({ indicators: ["jeugdhulp", "veilig-thuis"] });
      const second = await c.openSession();
      await expect(c.tx((tx) => tx.adoptConclusion(first.sessionId, { by, at: c.clock.now() }))).rejects.toThrow();
      const actions = [
        { text: "a1", owner: "Team", due: "2025-12-31", status: "open" as const },
        { text: "a2", owner: "Team", status: "open" as const },
      ];
      expect(await c.tx((tx) => tx.saveConclusion(first.sessionId, { texts, actions, by, at: c.clock.now() }))).toBe(1);
      c.clock.set("2025-03-05T09:00:00Z");
      expect(await c.tx((tx) => tx.adoptConclusion(first.sessionId, { by: { key: "memory:U2", name: "Ahmed" }, at: c.clock.now() }))).toBe(1);
      expect(await c.tx((tx) => tx.saveConclusion(first.sessionId, { texts: { ...texts, overall: "o2" }, actions: [{ ...actions[0]!, status: "gereed" }], by, at: c.clock.now() }))).toBe(2);
      const conclusion = await c.tx((tx) => tx.conclusion(first.sessionId));
      expect(conclusion?.status).toBe("draft");
      expect(conclusion?.current).toMatchObject({ version: 2, texts: { overall: "o2" } });
      expect(conclusion?.revisions.map((r) => [r.version, r.adoptedBy?.name, r.adoptedAt, r.actions.length])).toEqual([
        [1, "Ahmed", new Date("2025-03-05T09:00:00Z"), 2],
        [2, undefined, undefined, 1],
      ]);
      // A new version does not change an action's status: only setActionStatus does (with history).
      expect(await c.tx((tx) => tx.actions(first.sessionId))).toEqual([{ id: expect.any(Number), text: "a1", owner: "Team", due: "2025-12-31", status: "open" }]);
      expect(await c.tx((tx) => tx.conclusion(second.sessionId))).toBeUndefined();
      const listed = await c.tx((tx) => tx.indicatorConclusions("hilversum", "jeugdhulp"));
      expect(listed.map((l) => [l.sessionId, l.period, l.sessionStatus, l.conclusion?.current.version, l.actions.length])).toEqual([
        [second.sessionId, "2024", "open", undefined, 0],
        [first.sessionId, "2024", "open", 2, 1],
      ]);
      expect(await c.tx((tx) => tx.indicatorConclusions("hilversum", "bestaat-niet"))).toEqual([]);
      // The whole DIN in one call (the web overview): the same rows per indicator, with the indicator named.
      const all = await c.tx((tx) => tx.dinConclusions("hilversum"));
      const jeugdhulp = all.filter((r) => r.indicatorId === "jeugdhulp");
      expect(jeugdhulp.map(({ indicatorId: _id, ...rest }) => rest)).toEqual(listed);
      expect(all.filter((r) => r.indicatorId === "veilig-thuis").map((r) => r.sessionId)).toEqual([first.sessionId]);
      expect(all).toHaveLength(3);
      // Grouped per indicator, in the DIN's order (jeugdhulp is listed before veilig-thuis).
      expect(all.map((r) => r.indicatorId)).toEqual(["jeugdhulp", "jeugdhulp", "veilig-thuis"]);
      expect(await c.tx((tx) => tx.dinConclusions("bestaat-niet"))).toEqual([]);
      expect((await c.tx((tx) => tx.dinConclusions("hilversum", ["veilig-thuis", "bestaat-niet"]))).map((r) => [r.indicatorId, r.sessionId])).toEqual([["veilig-thuis", first.sessionId]]);
    });
  });
}
