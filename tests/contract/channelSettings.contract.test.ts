/**
 * The SessionStore contract for channel and person settings, on the memory store, PGlite and (with
 * TEST_DATABASE_URL) PostgreSQL: created/unchanged/updated, the config hash through chat changes, and a
 * channel turning guest (its threads become guest threads, its unsent rows are withdrawn).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelSettings } from "../../src/app/sessions/ports.ts";
import { allRuntimes } from "../support/db.ts";
import { outboxRows } from "../support/peek.ts";
import { draft, openContract, type Contract } from "./contractWorld.ts";

const SETTINGS: ChannelSettings = { key: "memory:a", name: "#a", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true, lang: "nl" };

for (const runtime of allRuntimes()) {
  describe(`channel settings contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    it("saves channel and person settings as created, unchanged or updated, keeping the config hash through chat changes", async () => {
      expect(await c.tx((tx) => tx.saveChannel(SETTINGS, { source: "config", configHash: "h1" }))).toBe("created");
      expect(await c.tx((tx) => tx.saveChannel({ ...SETTINGS, perspective: undefined }, { source: "config", configHash: "h1" }))).toBe("unchanged");
      expect(await c.tx((tx) => tx.saveChannel({ ...SETTINGS, advanceAfterDays: 3 }, { source: "chat", by: "memory:U1" }))).toBe("updated");
      expect(await c.tx((tx) => tx.configHash("channel", "memory:a"))).toBe("h1");
      expect(await c.tx((tx) => tx.channel("memory:a"))).toEqual({ ...SETTINGS, advanceAfterDays: 3 });
      // A channel's own "send an empty digest" is kept, false as well as true (absent: the default).
      expect(await c.tx((tx) => tx.saveChannel({ ...SETTINGS, advanceAfterDays: 3, digestSendEmpty: false }, { source: "chat" }))).toBe("updated");
      expect((await c.tx((tx) => tx.channel("memory:a")))?.digestSendEmpty).toBe(false);
      expect(await c.tx((tx) => tx.saveChannel({ ...SETTINGS, advanceAfterDays: 3 }, { source: "chat" }))).toBe("updated");
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

      // The overview (/kanalen): every channel and person in order of creation, with its source.
      await c.tx((tx) => tx.savePerson({ key: "memory:U2", name: "Piet", roles: ["adopter"] }, { source: "chat" }));
      const overview = await c.tx((tx) => tx.settingsOverview());
      expect(overview.channels.map((ch) => [ch.key, ch.source])).toEqual([
        ["memory:a", "chat"],
        ["memory:b", "chat"],
      ]);
      expect(overview.people).toEqual([{ key: "memory:U2", name: "Piet", roles: ["adopter"], source: "chat" }]);
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
