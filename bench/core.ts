/**
 * Core benchmark (issue #15): import a synthetic DIN of n indicators and their figures (validation,
 * change detection, one transaction), then list the changes per doel (the news, and `--alle`) — on an
 * embedded PGlite folder or, with a URL, on a fresh PostgreSQL schema. Each figure comes with the bare
 * database baseline of the issue, measured in the same process right before: a raw unnest insert of as
 * many rows in one transaction, and one window-function pass over the values.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { importDin } from "../src/app/din/importDin.ts";
import { importMeasurements } from "../src/app/measurements/importMeasurements.ts";
import { listChanges } from "../src/app/measurements/listChanges.ts";
import { openServices, type DbServices } from "../src/main/services.ts";
import type { DatabaseTarget } from "../src/store/database.ts";
import { syntheticCsv, syntheticDinYaml, type BenchFrequency } from "./syntheticDin.ts";

export interface CoreCase {
  indicators: number;
  years: number;
  frequency: BenchFrequency;
  /** PGlite: an existing (initialised) folder, or undefined for a fresh temp folder. PostgreSQL: its URL. */
  dataDir?: string;
  postgresUrl?: string;
  /** One comparison or breakdown row beside every value (2× the rows; issue #21). */
  context?: boolean;
}

export interface CoreFigures {
  database: "pglite" | "postgres";
  indicators: number;
  values: number;
  dinImportMs: number;
  measurementImportMs: number;
  /** Baseline of the import: a raw unnest insert of `values` rows in one transaction. */
  baselineInsertMs: number;
  changesListMs: number;
  changesAllMs: number;
  /** Baseline of the listing: one window-function pass (lag per indicator) over the values. */
  baselineWindowMs: number;
  changesDetected: number;
  context?: boolean;
  /**
   * CPU time of this process (ms) for the DIN import, the figures import and the baseline insert: unlike
   * wall time it hardly moves with the load of other processes on the machine (PGlite runs in-process).
   */
  cpuMs: { dinImport: number; measurementImport: number; baselineInsert: number };
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let lastCpuMs = 0;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const c = cpuNow();
  const result = await fn();
  lastCpuMs = cpuNow() - c;
  return [result, performance.now() - t];
}

/** The baseline: `rows` Measurement-shaped rows as arrays, one INSERT … unnest, one transaction. */
async function baselineInsert(services: DbServices, rows: number): Promise<number> {
  const raw = services.db.raw;
  await raw.execute(`CREATE TABLE "BenchBaseline" ("id" SERIAL PRIMARY KEY, "indicatorId" INT NOT NULL, "period" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL, "value" DOUBLE PRECISION NOT NULL, "source" TEXT, "origin" TEXT NOT NULL)`, []);
  const ids = Array.from({ length: rows }, (_, i) => i % 5000);
  const periods = ids.map((_, i) => String(2015 + (i % 10)));
  const starts = periods.map((p) => `${p}-01-01T00:00:00.000Z`);
  const values = ids.map((_, i) => (i * 7) % 100);
  const origins = ids.map((_, i) => `bench.csv:${i + 2}`);
  const [, ms] = await time(() =>
    raw.transaction((tx) =>
      tx.query(
        `INSERT INTO "BenchBaseline" ("indicatorId", "period", "periodStart", "value", "source", "origin")
         SELECT * FROM unnest($1::int[], $2::text[], $3::timestamp(3)[], $4::float8[], $5::text[], $6::text[])`,
        [ids, periods, starts, values, ids.map(() => "Bench"), origins],
      ),
    ),
  );
  await raw.execute(`DROP TABLE "BenchBaseline"`, []);
  return ms;
}

export async function benchCore(c: CoreCase): Promise<CoreFigures> {
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const tempDir = c.postgresUrl || c.dataDir ? undefined : await mkdtemp(path.join(tmpdir(), "duidbot-bench-"));
  const target: DatabaseTarget = c.postgresUrl ? { kind: "postgres", url: c.postgresUrl, schema } : { kind: "pglite", dataDir: c.dataDir ?? tempDir! };
  const services = await openServices(target);
  try {
    const yaml = syntheticDinYaml(c.indicators, 2025, c.frequency);
    const csv = syntheticCsv(c.indicators, 2015, c.years, c.frequency, c.context);
    const values = c.indicators * c.years * (c.frequency === "week" ? 52 : 1) * (c.context ? 2 : 1);
    const [din, dinImportMs] = await time(() => importDin(services, { text: yaml, fileName: "bench-din.yaml" }));
    const dinCpuMs = lastCpuMs;
    if (!din.ok) throw new Error(`synthetic DIN invalid: ${JSON.stringify(din.issues.slice(0, 3))}`);
    const baselineInsertMs = await baselineInsert(services, values);
    const baselineCpuMs = lastCpuMs;
    const [figures, measurementImportMs] = await time(() =>
      importMeasurements(services, { source: { kind: "file", text: csv, fileName: "bench.csv" }, via: "cli" }),
    );
    const figuresCpuMs = lastCpuMs;
    if (!figures.ok) throw new Error(`synthetic CSV invalid: ${JSON.stringify(figures.issues.slice(0, 3))}`);
    const [, baselineWindowMs] = await time(() =>
      services.db.raw.query(
        `SELECT count(*) FROM (SELECT "value" - lag("value") OVER (PARTITION BY "indicatorId" ORDER BY "periodStart") AS d
           FROM "Measurement" WHERE "supersededAt" IS NULL) s`,
      ),
    );
    const [, changesListMs] = await time(() => listChanges(services, {}));
    const [, changesAllMs] = await time(() => listChanges(services, { all: true }));
    return {
      database: target.kind,
      indicators: c.indicators,
      values,
      dinImportMs,
      measurementImportMs,
      baselineInsertMs,
      changesListMs,
      changesAllMs,
      baselineWindowMs,
      changesDetected: figures.changes.length,
      ...(c.context ? { context: true } : {}),
      cpuMs: { dinImport: dinCpuMs, measurementImport: figuresCpuMs, baselineInsert: baselineCpuMs },
    };
  } finally {
    if (target.kind === "postgres") await services.db.raw.execute(`DROP SCHEMA "${schema}" CASCADE`, []);
    await services.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

// Run directly: `node bench/core.ts init <dir>` creates the database (PGlite's initdb peaks near 1 GB
// once, in its own process); `node bench/core.ts run '<CoreCase as JSON>'` then measures one case, so
// peak RSS is that case's alone.
if (import.meta.main) {
  const [what, arg] = process.argv.slice(2);
  if (what === "init") {
    const services = await openServices({ kind: "pglite", dataDir: arg! });
    await services.close();
    console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  } else {
    const c = JSON.parse(arg ?? `{"indicators":500,"years":10,"frequency":"jaarlijks"}`) as CoreCase;
    const figures = await benchCore(c);
    console.log(JSON.stringify({ ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  }
}
