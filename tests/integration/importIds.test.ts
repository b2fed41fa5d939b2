// Proves on PGlite and PostgreSQL that an import's rows get ids in the file's order, one after the
// other, and that the next import (and anything else that takes an id) continues after them: on PGlite
// the bulk write reserves its ids in one step (RawTransaction.reserveIds) instead of one nextval per row.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { importMeasurements } from "../../src/app/measurements/importMeasurements.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";

const dinFile = path.join(import.meta.dirname, "..", "fixtures", "din-2024.yaml");

for (const runtime of testRuntimes()) {
  describe(`measurement ids of bulk imports on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    beforeAll(async () => {
      s = await runtime.open(fixedClock("2025-03-01T10:00:00Z"));
      await importDin(s, { text: await readFile(dinFile, "utf8"), fileName: "din-2024.yaml" });
    });
    afterAll(async () => {
      await s.dispose();
    });
    const csv = async (rows: string[], fileName: string) => {
      const result = await importMeasurements(s, { source: { kind: "file", text: `indicator;periode;waarde\n${rows.join("\n")}\n`, fileName }, via: "cli" });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result;
    };
    const stored = () =>
      s.db.raw.query<{ id: number; origin: string; importId: number }>(`SELECT "id", "origin", "importId" FROM "Measurement" ORDER BY "id"`);

    it("numbers each import's rows in file order, and the next import after them", async () => {
      await csv(["betalingsachterstand;2022;7", "betalingsachterstand;2023;6,5", "jeugdhulp-lang;2023;12", "betalingsachterstand;2024;6"], "eerst.csv");
      // A correction and a new value: the superseded row keeps its id, the new rows come after.
      await csv(["jeugdhulp-lang;2024;11", "betalingsachterstand;2024;5,5"], "tweede.csv");
      const rows = await stored();
      expect(rows.map((r) => r.origin)).toEqual(["eerst.csv:2", "eerst.csv:3", "eerst.csv:4", "eerst.csv:5", "tweede.csv:2", "tweede.csv:3"]);
      const ids = rows.map((r) => r.id);
      const first = ids[0]!;
      expect(ids.slice(0, 4)).toEqual([first, first + 1, first + 2, first + 3]);
      const second = ids[4]!;
      expect(second).toBeGreaterThan(first + 3);
      expect(ids[5]).toBe(second + 1);
      // The sequence stands past every id given: a row inserted the ordinary way gets a fresh one.
      const [next] = await s.db.raw.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('"Measurement"', 'id'))::int AS "id"`);
      expect(next!.id).toBeGreaterThan(second + 1);
    });
  });
}
