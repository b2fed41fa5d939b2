/**
 * The AdapterStateStore contract on the memory store, PGlite and (with TEST_DATABASE_URL) PostgreSQL:
 * values per platform and key prefix, replaced by set(), kept by setIfAbsent() (first writer wins).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allRuntimes } from "../support/db.ts";
import { openContract, type Contract } from "./contractWorld.ts";

for (const runtime of allRuntimes()) {
  describe(`adapter state contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    it("lists a platform's values by key prefix, in key order, and replaces a value on set", async () => {
      const state = c.s.adapterState;
      expect(await state.list("teams", "serviceUrl:")).toEqual(new Map());
      await state.set("teams", "serviceUrl:t2", "https://smba.example/emea/", c.clock.now());
      await state.set("teams", "serviceUrl:t1", "https://smba.example/amer/", c.clock.now());
      await state.set("teams", "chartKey", "k", c.clock.now());
      await state.set("slack", "serviceUrl:t1", "other platform", c.clock.now());
      await state.set("teams", "serviceUrl:t1", "https://smba.example/apac/", c.clock.now());
      expect([...(await state.list("teams", "serviceUrl:"))]).toEqual([
        ["serviceUrl:t1", "https://smba.example/apac/"],
        ["serviceUrl:t2", "https://smba.example/emea/"],
      ]);
      expect([...(await state.list("teams", ""))].map(([k]) => k)).toEqual(["chartKey", "serviceUrl:t1", "serviceUrl:t2"]);
    });

    it("keeps the first value on setIfAbsent, also when two callers race", async () => {
      const state = c.s.adapterState;
      const [a, b] = await Promise.all([state.setIfAbsent("teams", "chartKey", "first", c.clock.now()), state.setIfAbsent("teams", "chartKey", "second", c.clock.now())]);
      expect(a).toBe(b);
      expect(await state.setIfAbsent("teams", "chartKey", "third", c.clock.now())).toBe(a);
      expect((await state.list("teams", "chartKey")).get("chartKey")).toBe(a);
    });
  });
}
