/**
 * The SessionStore contract, run on the memory store, PGlite and (with TEST_DATABASE_URL) PostgreSQL:
 * the same calls give the same answers on all of them. Proves transactions (a throw leaves nothing,
 * ids are not reused), processed events, sessions and their threads (the root's platform id, lookups
 * by thread, ordering and limits), contributions (one per platform message, order, counts without
 * withdrawn ones, revisions), conclusions (versions, current actions, adoption, per indicator),
 * change posts, and channel/person settings (created/unchanged/updated, config hash, guest withdrawal).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelSettings } from "../../src/app/sessions/ports.ts";
import { allRuntimes } from "../support/db.ts";
import { contributionRevisions, outboxRows } from "../support/peek.ts";
import { draft, openContract, type Contract } from "./contractWorld.ts";

const SETTINGS: ChannelSettings = { key: "memory:a", name: "#a", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true, lang: "nl" };
const texts = { herkennen: "h", verklaren: "v", waarderen: "w", verbeteren: "b", overall: "o" };
const by = { key: "memory:U1", name: "Sanne" };

for (const runtime of allRuntimes()) {
  describe(`session store contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    it("rolls back everything a failing transaction wrote, but does not reuse its ids", async () => {
      const failed = c.tx(async (tx) => {
        await tx.claimEvent("ev1", c.clock.now());
        await tx.saveChannel(SETTINGS, { source: "chat" });
        await tx.createSession({ dinSlug: "hilversum", title: "x", subject: { kind: "doel", id: "d" }, indicators: [], question: "herkennen", openedAt: c.clock.now(), openedBy: "auto" });
        await tx.enqueue([draft("k1")], c.clock.now());
        throw new Error("use case failed");
      });
      await expect(failed).rejects.toThrow("use case failed");
      expect(await c.tx((tx) => tx.openSessions())).toEqual([]);
      expect(await c.tx((tx) => tx.channels())).toEqual([]);
      expect(await c.s.outbox.counts()).toEqual({ pending: 0, sent: 0, failed: 0, superseded: 0 });
      expect(await c.tx((tx) => tx.claimEvent("ev1", c.clock.now()))).toBe(true);
      const { sessionId } = await c.openSession();
      expect(sessionId).toBe(2);
      expect((await outboxRows(c.s)).map((r) => r.id)).toEqual([2]);
    });

    it("claims an event once; an unknown indicator fails the session (and draws no id)", async () => {
      expect(await c.tx((tx) => tx.claimEvent("ev1", c.clock.now()))).toBe(true);
      expect(await c.tx((tx) => tx.claimEvent("ev1", c.clock.now()))).toBe(false);
      await expect(c.openSession({ indicators: ["bestaat-niet"] })).rejects.toThrow("indicator bestaat-niet bestaat niet");
      expect((await c.openSession()).sessionId).toBe(1);
    });

    it("gives a session its indicators (definitions of the DIN in force), threads and their roots' platform ids", async () => {
      const { sessionId, threads } = await c.openSession({ indicators: ["jeugdhulp", "wachtlijst"], channels: ["memory:a", "memory:b"] });
      let session = await c.tx((tx) => tx.session(sessionId, { lock: true }));
      expect(session).toMatchObject({ id: sessionId, status: "open", current: "herkennen", subject: { kind: "indicator", id: "jeugdhulp" }, openedBy: "auto" });
      expect(session!.indicators.map((i) => [i.indicatorId, i.period, i.indicator.name, i.series])).toEqual([
        ["jeugdhulp", "2024", "Jongeren met jeugdhulp", [{ period: "2024", value: 1 }]],
        ["wachtlijst", "2024", "Wachtlijst jeugdteam (intern)", [{ period: "2024", value: 1 }]],
      ]);
      expect(session!.threads.map((t) => [t.channel, t.rootMessageId])).toEqual([
        ["memory:a", undefined],
        ["memory:b", undefined],
      ]);
      // Before the root is sent: the thread may become known; nothing is found by a platform id yet.
      expect(await c.tx((tx) => tx.threadMayBecomeKnown("memory:a", "P1"))).toBe(true);
      expect(await c.tx((tx) => tx.sessionByThread("memory:a", "P1"))).toBeUndefined();
      await c.sendAll();
      session = await c.tx((tx) => tx.session(sessionId));
      const rootA = session!.threads[0]!.rootMessageId!;
      expect(rootA).toMatch(/^P\d+$/);
      expect((await c.tx((tx) => tx.sessionByThread("memory:a", rootA)))?.id).toBe(sessionId);
      expect(await c.tx((tx) => tx.sessionIdByThread("memory:a", rootA))).toBe(sessionId);
      expect(await c.tx((tx) => tx.sessionIdByThread("memory:b", rootA))).toBeUndefined();
      expect(await c.tx((tx) => tx.threadMayBecomeKnown("memory:a", "P-other"))).toBe(false);
      expect(await c.tx((tx) => tx.threadMayBecomeKnown("memory:a", rootA))).toBe(true);
      // A thread needs its root in the outbox, and one thread per channel.
      await expect(c.tx((tx) => tx.addThread(sessionId, { channel: "memory:c", audience: "leerkring", lang: "nl", rootKey: "no-such-row" }))).rejects.toThrow();
      await expect(c.tx((tx) => tx.addThread(sessionId, { channel: "memory:a", audience: "leerkring", lang: "nl", rootKey: threads[1]!.rootKey }))).rejects.toThrow();
    });

    it("lists sessions per channel newest first with a limit, finds the open one about a subject, moves and closes", async () => {
      const one = await c.openSession();
      const two = await c.openSession({ channels: ["memory:a", "memory:b"] });
      const three = await c.openSession({ indicators: ["veilig-thuis"] });
      expect(await c.tx((tx) => tx.openSessionAbout("hilversum", { kind: "indicator", id: "jeugdhulp" }))).toBe(two.sessionId);
      c.clock.set("2025-03-04T09:00:00Z");
      await c.tx((tx) => tx.setQuestion(two.sessionId, "verklaren", c.clock.now()));
      await c.tx((tx) => tx.closeSession(two.sessionId, c.clock.now()));
      expect(await c.tx((tx) => tx.openSessionAbout("hilversum", { kind: "indicator", id: "jeugdhulp" }))).toBe(one.sessionId);
      const closed = await c.tx((tx) => tx.session(two.sessionId));
      expect(closed).toMatchObject({ status: "closed", current: "verklaren", questionSince: new Date("2025-03-04T09:00:00Z"), closedAt: new Date("2025-03-04T09:00:00Z") });
      expect((await c.tx((tx) => tx.openSessions())).map((s) => s.id)).toEqual([one.sessionId, three.sessionId]);
      const inA = (openOnly: boolean, limit: number) => c.tx(async (tx) => (await tx.sessionsInChannel("memory:a", { openOnly, limit })).map((s) => s.id));
      expect(await inA(false, 10)).toEqual([three.sessionId, two.sessionId, one.sessionId]);
      expect(await inA(true, 10)).toEqual([three.sessionId, one.sessionId]);
      expect(await inA(false, 2)).toEqual([three.sessionId, two.sessionId]);
      await expect(c.tx((tx) => tx.setQuestion(999, "verklaren", c.clock.now()))).rejects.toThrow();
    });

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
      expect(await c.tx((tx) => tx.saveConclusion(first.sessionId, { texts: { ...texts, overall: "o2" }, actions: [{ ...actions[0]!, status: "done" }], by, at: c.clock.now() }))).toBe(2);
      const conclusion = await c.tx((tx) => tx.conclusion(first.sessionId));
      expect(conclusion?.status).toBe("draft");
      expect(conclusion?.current).toMatchObject({ version: 2, texts: { overall: "o2" } });
      expect(conclusion?.revisions.map((r) => [r.version, r.adoptedBy?.name, r.adoptedAt, r.actions.length])).toEqual([
        [1, "Ahmed", new Date("2025-03-05T09:00:00Z"), 2],
        [2, undefined, undefined, 1],
      ]);
      expect(await c.tx((tx) => tx.actions(first.sessionId))).toEqual([{ text: "a1", owner: "Team", due: "2025-12-31", status: "done" }]);
      expect(await c.tx((tx) => tx.conclusion(second.sessionId))).toBeUndefined();
      const listed = await c.tx((tx) => tx.indicatorConclusions("hilversum", "jeugdhulp"));
      expect(listed.map((l) => [l.sessionId, l.period, l.sessionStatus, l.conclusion?.current.version, l.actions.length])).toEqual([
        [second.sessionId, "2024", "open", undefined, 0],
        [first.sessionId, "2024", "open", 2, 1],
      ]);
      expect(await c.tx((tx) => tx.indicatorConclusions("hilversum", "bestaat-niet"))).toEqual([]);
    });

    it("creates change posts and links them to a session", async () => {
      const items = [{ indicatorId: "jeugdhulp", period: "2024" }];
      const id = await c.tx((tx) => tx.createChangePost({ channel: "memory:a", dinSlug: "hilversum", goalId: "g", items }, c.clock.now()));
      expect(await c.tx((tx) => tx.changePost(id))).toEqual({ id, channel: "memory:a", dinSlug: "hilversum", goalId: "g", items });
      const { sessionId } = await c.openSession();
      await c.tx((tx) => tx.linkChangePosts([id, 999], sessionId));
      expect(await c.tx((tx) => tx.changePost(id))).toMatchObject({ sessionId });
      expect(await c.tx((tx) => tx.changePost(999))).toBeUndefined();
    });

    it("saves channel and person settings as created, unchanged or updated, keeping the config hash through chat changes", async () => {
      expect(await c.tx((tx) => tx.saveChannel(SETTINGS, { source: "config", configHash: "h1" }))).toBe("created");
      expect(await c.tx((tx) => tx.saveChannel({ ...SETTINGS, perspective: undefined }, { source: "config", configHash: "h1" }))).toBe("unchanged");
      expect(await c.tx((tx) => tx.saveChannel({ ...SETTINGS, advanceAfterDays: 3 }, { source: "chat", by: "memory:U1" }))).toBe("updated");
      expect(await c.tx((tx) => tx.configHash("channel", "memory:a"))).toBe("h1");
      expect(await c.tx((tx) => tx.channel("memory:a"))).toEqual({ ...SETTINGS, advanceAfterDays: 3 });
      await c.tx((tx) => tx.saveChannel({ ...SETTINGS, key: "memory:b" }, { source: "chat" }));
      expect((await c.tx((tx) => tx.channels())).map((ch) => ch.key)).toEqual(["memory:a", "memory:b"]);
      expect(await c.tx((tx) => tx.configHash("channel", "memory:b"))).toBeUndefined();

      const person = { key: "memory:U1", name: "Sanne", roles: ["facilitator", "admin", "facilitator"] as const };
      expect(await c.tx((tx) => tx.savePerson({ ...person, roles: [...person.roles] }, { source: "config", configHash: "p1" }))).toBe("created");
      expect(await c.tx((tx) => tx.person("memory:U1"))).toEqual({ key: "memory:U1", name: "Sanne", roles: ["admin", "facilitator"] });
      expect(await c.tx((tx) => tx.savePerson({ ...person, roles: ["admin", "facilitator"] }, { source: "config", configHash: "p1" }))).toBe("unchanged");
      expect(await c.tx((tx) => tx.savePerson({ ...person, roles: ["admin"], perspective: "beleid" }, { source: "chat" }))).toBe("updated");
      expect(await c.tx((tx) => tx.configHash("person", "memory:U1"))).toBe("p1");
      expect(await c.tx((tx) => tx.deletePerson("memory:U1"))).toBe(true);
      expect(await c.tx((tx) => tx.deletePerson("memory:U1"))).toBe(false);
      expect(await c.tx((tx) => tx.person("memory:U1"))).toBeUndefined();
    });

    it("turns a channel's threads into guest threads and withdraws its unsent rows, but not a row being sent", async () => {
      const { sessionId } = await c.openSession({ channels: ["memory:a", "memory:b"] });
      await c.sendAll();
      await c.tx((tx) => tx.enqueue([draft("a1"), draft("a2"), draft("b1", { channel: "memory:b" })], c.clock.now()));
      // A dispatcher holds a1 (the oldest of stream a1: each row here is its own stream).
      const claimed = await c.s.outbox.claimDue(c.clock.now(), { limit: 1, leaseMs: 60_000, skipPlatforms: [] });
      expect(claimed.map((r) => r.key)).toEqual(["a1"]);
      expect(await c.tx((tx) => tx.restrictToGuests("memory:a", c.clock.now()))).toEqual({ threads: 1, withdrawn: 1 });
      expect(await c.tx((tx) => tx.restrictToGuests("memory:a", c.clock.now()))).toEqual({ threads: 0, withdrawn: 0 });
      const rows = Object.fromEntries((await outboxRows(c.s)).map((r) => [r.key, [r.status, r.lastError]]));
      expect(rows).toMatchObject({ a1: ["pending", null], a2: ["failed", expect.stringContaining("gastkanaal")], b1: ["pending", null] });
      const session = await c.tx((tx) => tx.session(sessionId));
      expect(session!.threads.map((t) => [t.channel, t.audience])).toEqual([
        ["memory:a", "gast"],
        ["memory:b", "leerkring"],
      ]);
    });
  });
}
