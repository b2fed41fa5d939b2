/**
 * The guest-link part of the SessionStore contract on the memory store, PGlite and (with
 * TEST_DATABASE_URL) PostgreSQL: a link per public id (unique), its session's links in order, last
 * use, and a revocation that counts once; a failed transaction leaves no link behind. And the posts of
 * a thread by key prefix (what the web shows of summaries shared with a guest thread).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allRuntimes } from "../support/db.ts";
import { draft, openContract, type Contract } from "./contractWorld.ts";

const link = (sessionId: number, publicId: string, at: Date) => ({
  publicId,
  sessionId,
  channel: `web:gast:${publicId}`,
  tokenHash: "a".repeat(64),
  label: "adviesraad" as const,
  createdBy: "web:local",
  createdAt: at,
  expiresAt: new Date(at.getTime() + 14 * 86_400_000),
});

for (const runtime of allRuntimes()) {
  describe(`guest link contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    it("stores links per session, finds them by public id, records use and revokes once", async () => {
      const { sessionId } = await c.openSession();
      const other = await c.openSession();
      const now = c.clock.now();
      const first = await c.tx((tx) => tx.addGuestLink(link(sessionId, "pub1", now)));
      await c.tx((tx) => tx.addGuestLink(link(other.sessionId, "pub2", now)));
      const { label: _omit, ...unlabelled } = link(sessionId, "pub3", now);
      await c.tx((tx) => tx.addGuestLink(unlabelled));
      await expect(c.tx((tx) => tx.addGuestLink(link(sessionId, "pub1", now)))).rejects.toThrow();

      const found = await c.tx((tx) => tx.guestLinkByPublicId("pub1"));
      expect(found).toEqual({ id: first, ...link(sessionId, "pub1", now) });
      expect(await c.tx((tx) => tx.guestLinkByPublicId("nope"))).toBeUndefined();
      expect((await c.tx((tx) => tx.guestLinks(sessionId))).map((l) => [l.publicId, l.label])).toEqual([["pub1", "adviesraad"], ["pub3", undefined]]);
      expect((await c.tx((tx) => tx.guestLinks())).map((l) => [l.publicId, l.sessionId])).toEqual([["pub1", sessionId], ["pub2", other.sessionId], ["pub3", sessionId]]);

      c.clock.set("2025-03-04T10:00:00Z");
      await c.tx((tx) => tx.touchGuestLink(first, c.clock.now()));
      expect(await c.tx((tx) => tx.revokeGuestLink(first, { at: c.clock.now(), by: "web:local" }))).toBe(true);
      expect(await c.tx((tx) => tx.revokeGuestLink(first, { at: new Date("2025-03-05T00:00:00Z"), by: "web:other" }))).toBe(false);
      expect(await c.tx((tx) => tx.revokeGuestLink(9999, { at: c.clock.now(), by: "web:local" }))).toBe(false);
      expect(await c.tx((tx) => tx.guestLinkByPublicId("pub1"))).toMatchObject({ lastUsedAt: c.clock.now(), revokedAt: c.clock.now(), revokedBy: "web:local" });
    });

    it("refuses a link to no session, and a rolled-back transaction leaves none", async () => {
      await expect(c.tx((tx) => tx.addGuestLink(link(424242, "pubx", c.clock.now())))).rejects.toThrow();
      const { sessionId } = await c.openSession();
      await expect(
        c.tx(async (tx) => {
          await tx.addGuestLink(link(sessionId, "puby", c.clock.now()));
          throw new Error("later step failed");
        }),
      ).rejects.toThrow("later step failed");
      expect(await c.tx((tx) => tx.guestLinks(sessionId))).toEqual([]);
    });

    it("lists posts by key prefix, oldest first, without failed (withdrawn) ones", async () => {
      const at = c.clock.now();
      const prefix = "s1:web:gast:a:root:summary:";
      await c.tx((tx) => tx.enqueue([draft(`${prefix}1`), draft("s1:web:gast:a:root:q:x"), draft(`${prefix}2`), draft(`${prefix}3`), draft("s1:other:summary:4")], at));
      for (const row of await c.s.outbox.claimDue(at, { limit: 50, leaseMs: 60_000, skipPlatforms: [] })) {
        if (row.key === `${prefix}3`) await c.s.outbox.markFailed(row.id, at, "ingetrokken");
      }
      const posts = await c.tx((tx) => tx.postsByKey(prefix));
      expect(posts.map((p) => p.key)).toEqual([`${prefix}1`, `${prefix}2`]);
      expect(posts[0]).toEqual({ key: `${prefix}1`, message: draft(`${prefix}1`).message, createdAt: at });
    });
  });
}
