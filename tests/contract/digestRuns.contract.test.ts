/**
 * The digest part of the SessionStore contract on the memory store, PGlite and (with TEST_DATABASE_URL)
 * PostgreSQL: one run per channel and week (a second claim writes nothing and says so), a run claimed
 * in a transaction that fails is not there, where the next digest starts (skipped runs cover nothing),
 * and the run found by its post's platform id (a reply in the digest's thread).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewDigestRun } from "../../src/app/digest/ports.ts";
import { allRuntimes } from "../support/db.ts";
import { draft, openContract, type Contract } from "./contractWorld.ts";

const run = (week: string, extra: Partial<NewDigestRun> = {}): NewDigestRun => ({
  channel: "memory:a",
  week,
  status: "sent",
  scheduledFor: new Date("2026-12-07T08:00:00Z"),
  coveredUntil: new Date("2026-12-07T08:00:05Z"),
  outboxKey: `digest:memory:a:${week}`,
  items: [{ n: 1, subject: { kind: "doel", id: "doel-gezond-opgroeien" }, label: "Gezond opgroeien" }],
  dinSlug: "hilversum",
  createdAt: new Date("2026-12-07T08:00:05Z"),
  ...extra,
});

for (const runtime of allRuntimes()) {
  describe(`digest run contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    it("claims a channel's week once; other weeks and channels are their own", async () => {
      expect(await c.tx((tx) => tx.claimDigest(run("2026-W50")))).toBe(true);
      expect(await c.tx((tx) => tx.claimDigest(run("2026-W50", { status: "skipped" })))).toBe(false);
      expect(await c.tx((tx) => tx.claimDigest(run("2026-W51")))).toBe(true);
      expect(await c.tx((tx) => tx.claimDigest(run("2026-W50", { channel: "memory:b" })))).toBe(true);
      const found = await c.tx((tx) => tx.digestRun("memory:a", "2026-W50"));
      expect(found).toMatchObject({ channel: "memory:a", week: "2026-W50", status: "sent", outboxKey: "digest:memory:a:2026-W50", dinSlug: "hilversum" });
      expect(found?.items).toEqual(run("x").items);
      expect(await c.tx((tx) => tx.digestRun("memory:a", "2026-W49"))).toBeUndefined();
    });

    it("keeps no claim of a transaction that failed", async () => {
      await expect(
        c.tx(async (tx) => {
          await tx.claimDigest(run("2026-W50"));
          await tx.enqueue([draft("digest:memory:a:2026-W50")], c.clock.now());
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await c.tx((tx) => tx.digestRun("memory:a", "2026-W50"))).toBeUndefined();
      expect(await c.tx((tx) => tx.claimDigest(run("2026-W50")))).toBe(true);
    });

    it("starts the next digest where the last sent or empty one ended, not at a skipped one", async () => {
      expect(await c.tx((tx) => tx.lastCoveredDigest("memory:a"))).toBeUndefined();
      await c.tx((tx) => tx.claimDigest(run("2026-W49", { coveredUntil: new Date("2026-11-30T08:00:00Z") })));
      await c.tx((tx) => tx.claimDigest(run("2026-W50", { status: "empty", coveredUntil: new Date("2026-12-07T08:00:00Z") })));
      await c.tx((tx) => tx.claimDigest(run("2026-W51", { status: "skipped", coveredUntil: new Date("2026-12-15T08:00:00Z") })));
      expect((await c.tx((tx) => tx.lastCoveredDigest("memory:a")))?.week).toBe("2026-W50");
    });

    it("finds the digest by its post's platform id in its channel", async () => {
      await c.tx(async (tx) => {
        await tx.claimDigest(run("2026-W50"));
        await tx.enqueue([draft("digest:memory:a:2026-W50"), draft("other-post")], c.clock.now());
      });
      await c.sendAll();
      const posts = await c.tx((tx) => tx.postsByKey("digest:"));
      expect(posts).toHaveLength(1);
      const rows = await c.s.outbox.counts();
      expect(rows.sent).toBe(2);
      // sendAll gives platform ids "P<row id>": find the digest's by trying the ids that were handed out.
      const found = [];
      for (const id of [1, 2, 3, 4]) {
        const digest = await c.tx((tx) => tx.digestByThread("memory:a", `P${id}`));
        if (digest) found.push(digest.week);
      }
      expect(found).toEqual(["2026-W50"]);
      expect(await c.tx((tx) => tx.digestByThread("memory:b", "P1"))).toBeUndefined();
    });
  });
}
