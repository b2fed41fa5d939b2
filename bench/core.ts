/**
 * Core benchmark: import a synthetic DIN of n indicators and n × years values (validation, change
 * detection, one transaction) into an embedded PGlite folder, then list the changes per doel.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { importDin } from "../src/app/din/importDin.ts";
import { importMeasurements } from "../src/app/measurements/importMeasurements.ts";
import { listChanges } from "../src/app/measurements/listChanges.ts";
import { openServices } from "../src/main/services.ts";
import { syntheticCsv, syntheticDinYaml } from "./syntheticDin.ts";

export interface CoreFigures {
  indicators: number;
  values: number;
  dinImportMs: number;
  measurementImportMs: number;
  changesListMs: number;
  changesDetected: number;
}

/** `dataDir`: an existing (already initialised) folder to use; by default a fresh temp folder. */
export async function benchCore(indicators: number, years = 10, dataDir?: string): Promise<CoreFigures> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), "duidbot-bench-")));
  const services = await openServices({ kind: "pglite", dataDir: dir });
  try {
    const yaml = syntheticDinYaml(indicators, 2025);
    const csv = syntheticCsv(indicators, 2015, years);
    let t = performance.now();
    const din = await importDin(services, { text: yaml, fileName: "bench-din.yaml" });
    if (!din.ok) throw new Error(`synthetic DIN invalid: ${JSON.stringify(din.issues.slice(0, 3))}`);
    const dinImportMs = performance.now() - t;
    t = performance.now();
    const figures = await importMeasurements(services, { source: { kind: "file", text: csv, fileName: "bench.csv" }, via: "cli" });
    if (!figures.ok) throw new Error(`synthetic CSV invalid: ${JSON.stringify(figures.issues.slice(0, 3))}`);
    const measurementImportMs = performance.now() - t;
    t = performance.now();
    await listChanges(services, {});
    const changesListMs = performance.now() - t;
    return {
      indicators,
      values: indicators * years,
      dinImportMs,
      measurementImportMs,
      changesListMs,
      changesDetected: figures.changes.length,
    };
  } finally {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// Run directly: `node bench/core.ts init <dir>` creates the database (PGlite's initdb peaks near 1 GB
// once, in its own process); `node bench/core.ts <n> <dir>` then measures one size, so peak RSS is that
// size's alone.
if (import.meta.main) {
  const [what, dir] = process.argv.slice(2);
  if (what === "init") {
    const services = await openServices({ kind: "pglite", dataDir: dir! });
    await services.close();
    console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  } else {
    const figures = await benchCore(Number(what ?? 500), 10, dir);
    console.log(JSON.stringify({ ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  }
}
