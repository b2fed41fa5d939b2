/**
 * The SessionStore contract, run on the memory store, PGlite and (with TEST_DATABASE_URL) PostgreSQL:
 * the same calls give the same answers on all of them. Proves transactions (a throw leaves nothing,
 * ids are not reused), processed events, sessions and their threads (the root's platform id, lookups
 * by thread, ordering and limits) and change posts. Contributions and conclusions:
 * sessionContent.contract.test.ts; channel and person settings: channelSettings.contract.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelSettings } from "../../src/app/sessions/ports.ts";
import { allRuntimes } from "../support/db.ts";
import { outboxRows } from "../support/peek.ts";
import { draft, openContract, type Contract } from "./contractWorld.ts";

const SETTINGS: ChannelSettings = { key: "memory:a", name: "#a", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true, lang: "nl" };

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

    it("creates change posts and links them to a session", async () => {
      const items = [{ indicatorId: "jeugdhulp", period: "2024" }];
      const id = await c.tx((tx) => tx.createChangePost({ channel: "memory:a", dinSlug: "hilversum", goalId: "g", items }, c.clock.now()));
      expect(await c.tx((tx) => tx.changePost(id))).toEqual({ id, channel: "memory:a", dinSlug: "hilversum", goalId: "g", items });
      const { sessionId } = await c.openSession();
      await c.tx((tx) => tx.linkChangePosts([id, 999], sessionId));
      expect(await c.tx((tx) => tx.changePost(id))).toMatchObject({ sessionId });
      expect(await c.tx((tx) => tx.changePost(999))).toBeUndefined();
    });
  });
}
