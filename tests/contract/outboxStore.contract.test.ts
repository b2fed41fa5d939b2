/**
 * The OutboxStore contract (and SessionTx.enqueue), run on the memory store, PGlite and (with
 * TEST_DATABASE_URL) PostgreSQL: a key is written once (the first wins); per stream only the oldest
 * pending row is claimed, replies carry their root's platform id and are orphaned when it failed;
 * leases hold a row until they run out; a newer update supersedes older pending ones (at enqueue and at
 * claim); retries, releases and failures are recorded; platforms can be skipped; a claim can be limited
 * to given keys (`digest --now`), still only when due, free and the head of its stream; a guest row the DIN in
 * force would show less of is marked stale.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PARKED_UNTIL, type ClaimOptions } from "../../src/app/outbox/ports.ts";
import { allRuntimes } from "../support/db.ts";
import { DIN } from "../support/sessionWorld.ts";
import { outboxRows } from "../support/peek.ts";
import { draft, message, openContract, type Contract } from "./contractWorld.ts";

const LEASE = { limit: 10, leaseMs: 60_000, skipPlatforms: [] as string[] };

for (const runtime of allRuntimes()) {
  describe(`outbox store contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());
    const enqueue = (...rows: Parameters<typeof draft>[]) => c.tx((tx) => tx.enqueue(rows.map(([key, extra]) => draft(key, extra)), c.clock.now()));
    const claim = async (options: ClaimOptions = LEASE) => (await c.s.outbox.claimDue(c.clock.now(), options)).map((r) => r.key);
    const status = async () => Object.fromEntries((await outboxRows(c.s)).map((r) => [r.key, r.status]));

    it("writes a key once (the first row wins, also within one batch) and claims per stream the oldest only", async () => {
      await enqueue(["root"], ["r1", { threadKey: "root" }], ["r1", { message: message("second") }], ["other"]);
      await enqueue(["root", { channel: "memory:b" }]);
      expect((await outboxRows(c.s)).map((r) => [r.id, r.key, r.channel])).toEqual([
        [1, "root", "memory:a"],
        [2, "r1", "memory:a"],
        [4, "other", "memory:a"],
      ]);
      expect(await claim()).toEqual(["root", "other"]);
      // Leased: not claimed again until the lease runs out; the reply waits for its root.
      expect(await claim()).toEqual([]);
      c.clock.set("2025-03-03T09:01:00.001Z");
      expect(await claim()).toEqual(["root", "other"]);
      const [root] = await c.s.outbox.claimDue(new Date("2025-03-03T09:03:00Z"), LEASE);
      await c.s.outbox.markSent(root!.id, c.clock.now(), "P-root");
      const [reply] = await c.s.outbox.claimDue(new Date("2025-03-03T09:03:00Z"), LEASE);
      expect(reply).toMatchObject({ key: "r1", kind: "post", threadMessageId: "P-root", orphaned: false, attempts: 0, message: message("r1") });
      expect(await c.s.outbox.counts()).toEqual({ pending: 2, sent: 1, failed: 0, superseded: 0 });
    });

    it("claims only the given keys when asked, still only rows that are due, free and the head of their stream", async () => {
      await enqueue(["digest"], ["root"], ["reply", { threadKey: "root" }], ["other", { channel: "teams:19:x" }]);
      const only = (keys: string[]) => claim({ ...LEASE, keys });
      // A reply behind its unsent root is not claimed even when named; the named root is.
      expect(await only(["digest", "reply"])).toEqual(["digest"]);
      // Leased now: a second dispatcher asking for it gets nothing (it is `serve`'s or ours, not both).
      expect(await only(["digest"])).toEqual([]);
      expect(await only(["nope"])).toEqual([]);
      // Everything not named is still there for the ordinary dispatcher.
      expect(await claim()).toEqual(["root", "other"]);
    });

    it("orphans the replies and updates of a root that failed, and acknowledges by the user's message id", async () => {
      await enqueue(["root"], ["reply", { threadKey: "root" }], ["upd", { kind: "update", refKey: "root" }], ["ack", { kind: "acknowledge", message: undefined, messageId: "U-msg" }]);
      const [root, ack] = await c.s.outbox.claimDue(c.clock.now(), LEASE);
      expect(ack).toMatchObject({ key: "ack", kind: "acknowledge", targetMessageId: "U-msg", orphaned: false });
      expect(ack!.message).toBeUndefined();
      await c.s.outbox.markFailed(root!.id, c.clock.now(), "Invalid: channel_not_found");
      expect(await c.s.outbox.claimDue(c.clock.now(), LEASE)).toMatchObject([{ key: "reply", orphaned: true }]);
      const rows = await outboxRows(c.s);
      expect(rows.find((r) => r.key === "root")).toMatchObject({ status: "failed", attempts: 1, lastError: "Invalid: channel_not_found" });
    });

    it("supersedes older pending updates of a message, at enqueue and at claim, but not one a dispatcher holds", async () => {
      await enqueue(["root"]);
      await c.sendAll();
      await enqueue(["u1", { kind: "update", refKey: "root" }]);
      const [held] = await c.s.outbox.claimDue(c.clock.now(), LEASE);
      expect(held).toMatchObject({ key: "u1", targetMessageId: expect.stringMatching(/^P/) });
      // u1 is held: the next update leaves it alone; u3 supersedes u2 when enqueued.
      await enqueue(["u2", { kind: "update", refKey: "root" }]);
      await enqueue(["u3", { kind: "update", refKey: "root" }]);
      expect(await status()).toMatchObject({ u1: "pending", u2: "superseded", u3: "pending" });
      await c.s.outbox.markRetry(held!.id, c.clock.now(), "Unavailable");
      // At claim: u1 is the stream's head, but u3 is newer: u1 is superseded and u3 goes.
      expect(await claim()).toEqual(["u3"]);
      expect(await status()).toMatchObject({ u1: "superseded", u3: "pending" });
      expect(await c.s.outbox.counts()).toEqual({ pending: 1, sent: 1, failed: 0, superseded: 2 });
    });

    it("records retries and releases (not counted as an attempt), platform ids while pending, and skips platforms", async () => {
      await enqueue(["m"], ["t", { channel: "teams:19:x" }]);
      expect(await claim({ ...LEASE, skipPlatforms: ["teams"] })).toEqual(["m"]);
      const id = (await outboxRows(c.s))[0]!.id;
      await c.s.outbox.markRetry(id, new Date("2025-03-03T09:00:30Z"), `RateLimited${"x".repeat(2000)}`);
      await c.s.outbox.recordPlatformId(id, "P-early");
      let row = (await outboxRows(c.s))[0]!;
      expect(row).toMatchObject({ attempts: 1, nextAttemptAt: new Date("2025-03-03T09:00:30Z"), platformMessageId: "P-early" });
      expect(row.lastError).toHaveLength(1000);
      expect(await claim({ ...LEASE, skipPlatforms: ["teams"] })).toEqual([]);
      c.clock.set("2025-03-03T09:00:30Z");
      expect(await claim({ ...LEASE, skipPlatforms: ["teams"] })).toEqual(["m"]);
      await c.s.outbox.release(id, new Date("2025-03-03T09:05:00Z"), "paused");
      row = (await outboxRows(c.s))[0]!;
      expect(row).toMatchObject({ attempts: 1, lastError: "paused", nextAttemptAt: new Date("2025-03-03T09:05:00Z") });
      c.clock.set("2025-03-03T09:05:00Z");
      expect(await claim()).toEqual(["m", "t"]);
      await c.s.outbox.markSent(id, c.clock.now(), "P-final");
      await c.s.outbox.recordPlatformId(id, "P-late");
      expect((await outboxRows(c.s))[0]).toMatchObject({ status: "sent", attempts: 2, platformMessageId: "P-final" });
      await expect(c.s.outbox.markSent(999, c.clock.now())).rejects.toThrow();
    });

    it("parks rows of a platform that is not configured, and makes them due again for that platform only", async () => {
      await enqueue(["w", { channel: "web:werkplek" }], ["t", { channel: "teams:19:x" }], ["m"]);
      const rows = await outboxRows(c.s);
      await c.s.outbox.release(rows[0]!.id, PARKED_UNTIL, "parked");
      await c.s.outbox.release(rows[1]!.id, PARKED_UNTIL, "parked");
      c.clock.set("2030-01-01T00:00:00Z");
      expect(await claim()).toEqual(["m"]);
      expect(await c.s.outbox.unpark([], c.clock.now())).toBe(0);
      // "webx:" is another platform: the prefix match includes the colon.
      expect(await c.s.outbox.unpark(["webx", "web"], c.clock.now())).toBe(1);
      expect(await c.s.outbox.unpark(["web"], c.clock.now())).toBe(0);
      expect((await outboxRows(c.s))[0]).toMatchObject({ nextAttemptAt: c.clock.now(), attempts: 0, status: "pending" });
      c.clock.set("2030-01-01T00:05:00Z"); // the lease on "m" runs out: claimed again with "w", never "t"
      expect((await claim()).sort()).toEqual(["m", "w"]);
    });

    it("marks a guest row stale when the DIN in force shows its indicators less", async () => {
      const shows = (id: string) => ({ id, visibility: "openbaar" as const, smallNumbers: null });
      const guest = (key: string, id: string) => [key, { guest: { din: "hilversum", shows: [shows(id)], source: { kind: "change-post" as const, changePostId: 1 } } }] as Parameters<typeof draft>;
      await enqueue(guest("g-jeugdhulp", "jeugdhulp"), guest("g-wachtlijst", "wachtlijst"), guest("g-gone", "bestaat-niet"));
      const rows = await c.s.outbox.claimDue(c.clock.now(), LEASE);
      expect(rows.map((r) => [r.key, r.stale ?? false])).toEqual([
        ["g-jeugdhulp", false],
        ["g-wachtlijst", true],
        ["g-gone", true],
      ]);
      expect(rows[0]!.guest).toEqual({ din: "hilversum", shows: [shows("jeugdhulp")], source: { kind: "change-post", changePostId: 1 } });
      expect(DIN.indicators.find((i) => i.id === "wachtlijst")?.visibility).toBe("intern");
    });
  });
}
