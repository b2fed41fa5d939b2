// Proves that imports of one DIN run in turn on PGlite and PostgreSQL: concurrent imports of the same
// new value give one new value and "unchanged" for the rest (no unique-key error), concurrent
// corrections of one period record the exact "was" value each replaced, and two processes on one
// PostgreSQL database (the CLI beside `serve`) cannot interleave either.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { importMeasurements, type ImportMeasurementsResult, type ImportSummary } from "../../src/app/measurements/importMeasurements.ts";
import { openServices, type DbServices } from "../../src/main/services.ts";
import { TEST_DATABASE_URL, fixedClock, testRuntimes } from "../support/db.ts";

const dinFile = path.join(import.meta.dirname, "..", "fixtures", "din-2024.yaml");

function ok(result: ImportMeasurementsResult): ImportSummary {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.field}: ${i.message}`).join("\n"));
  return result;
}

const row = (value: number, period = "2024") => ({ measurements: [{ indicator: "betalingsachterstand", periode: period, waarde: value }] });
const post = (s: DbServices, body: unknown) => importMeasurements(s, { source: { kind: "json", body, origin: "api" }, via: "api" });

/** Every correction's "was" must be the value it replaced: the chain of stored changes, oldest first. */
async function correctionChain(s: DbServices): Promise<{ from: number | undefined; to: number }[]> {
  const rows = await s.db.prisma.measurement.findMany({
    where: { period: "2024", figureChanged: true },
    orderBy: { id: "asc" },
    select: { correctedFrom: true, value: true },
  });
  return rows.map((r) => ({ from: r.correctedFrom ?? undefined, to: r.value }));
}

function expectExactChain(chain: { from: number | undefined; to: number }[], first: number): void {
  expect(chain[0]).toEqual({ from: undefined, to: first });
  for (let i = 1; i < chain.length; i++) expect(chain[i]?.from).toBe(chain[i - 1]?.to);
}

for (const runtime of testRuntimes()) {
  describe(`concurrent imports on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    beforeEach(async () => {
      s = await runtime.open(fixedClock("2025-03-01T10:00:00Z"));
      await importDin(s, { text: await readFile(dinFile, "utf8"), fileName: "din-2024.yaml" });
    });
    afterEach(async () => {
      await s.dispose();
    });

    it("five imports of the same new value: one new value, four unchanged, no error", async () => {
      const results = (await Promise.all(Array.from({ length: 5 }, () => post(s, row(6.4))))).map(ok);
      expect(results.map((r) => r.newCount).sort()).toEqual([0, 0, 0, 0, 1]);
      expect(results.filter((r) => r.unchangedCount === 1)).toHaveLength(4);
      expect(results.filter((r) => r.importId !== undefined)).toHaveLength(1);
      expect(await s.db.prisma.measurement.count()).toBe(1);
      expect(await s.db.prisma.measurementImport.count()).toBe(1);
    });

    it("ten corrections of one period: each records the value it replaced", async () => {
      ok(await post(s, row(100)));
      const results = (await Promise.all(Array.from({ length: 10 }, (_, i) => post(s, row(i + 1))))).map(ok);
      expect(results.every((r) => r.correctionCount === 1)).toBe(true);
      const chain = await correctionChain(s);
      expect(chain).toHaveLength(11);
      expectExactChain(chain, 100);
      // The summaries report the same "was" as the stored changes.
      const reported = new Map(results.map((r) => [r.changes[0]?.value, r.changes[0]?.correctedFrom]));
      for (const link of chain.slice(1)) expect(reported.get(link.to)).toBe(link.from);
      const history = await s.measurements.history("teststad", "betalingsachterstand");
      expect(history).toHaveLength(11);
      expect(history.filter((h) => h.supersededAt === undefined)).toHaveLength(1);
      expect(history.at(-1)?.value).toBe(chain.at(-1)?.to);
    });
  });
}

// The CLI and `serve` share one PostgreSQL database (on PGlite a lock keeps a second process out).
if (TEST_DATABASE_URL) {
  const url = TEST_DATABASE_URL;
  describe("the CLI beside serve on one PostgreSQL database", () => {
    const runtime = testRuntimes().find((r) => r.name === "postgres")!;
    let serve: Awaited<ReturnType<typeof runtime.open>>;
    let cli: DbServices;
    beforeEach(async () => {
      serve = await runtime.open();
      const search = (await serve.db.prisma.$queryRawUnsafe<{ schema: string }[]>("SELECT current_schema()::text AS schema"))[0]?.schema;
      cli = await openServices({ kind: "postgres", url, schema: search! });
      await importDin(serve, { text: await readFile(dinFile, "utf8"), fileName: "din-2024.yaml" });
    });
    afterEach(async () => {
      await cli.close();
      await serve.dispose();
    });

    it("imports from both processes run in turn: no error, an exact correction history", async () => {
      ok(await post(serve, row(100)));
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 === 0 ? serve : cli, row(i + 1))));
      results.forEach(ok);
      const chain = await correctionChain(serve);
      expect(chain).toHaveLength(11);
      expectExactChain(chain, 100);
    });
  });
}
