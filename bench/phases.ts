/**
 * Where an import's time goes, phase by phase, in CPU ms (process.cpuUsage: load by other processes
 * hardly moves it): the DIN file (YAML read + schema), the figures file (CSV + row checks), the plan
 * (change detection) and the write, each against the raw unnest baseline of the same run.
 * `node bench/phases.ts [indicators] [years] [jaarlijks|week]` on a fresh temp PGlite folder.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDinFile } from "../src/domain/dinFile.ts";
import { parseMeasurementFile } from "../src/domain/measurementFile.ts";
import { importDin } from "../src/app/din/importDin.ts";
import { importMeasurements } from "../src/app/measurements/importMeasurements.ts";
import { openServices } from "../src/main/services.ts";
import { syntheticCsv, syntheticDinYaml, type BenchFrequency } from "./syntheticDin.ts";

const [n = 5000, years = 10] = process.argv.slice(2, 4).map(Number);
const frequency = (process.argv[4] ?? "jaarlijks") as BenchFrequency;

function cpu<T>(fn: () => T): [T, number] {
  const c = process.cpuUsage();
  const r = fn();
  const d = process.cpuUsage(c);
  return [r, (d.user + d.system) / 1000];
}
async function cpuAsync<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = await fn();
  const d = process.cpuUsage(c);
  return [r, (d.user + d.system) / 1000, performance.now() - t];
}

const yaml = syntheticDinYaml(n, 2025, frequency);
const csv = syntheticCsv(n, 2015, years, frequency);
const rounds = Number(process.env.PHASE_ROUNDS ?? 3);
const out: Record<string, number[]> = {};
const note = (k: string, v: number) => (out[k] ??= []).push(v);
for (let i = 0; i < rounds; i++) {
  const [din, dinMs] = cpu(() => parseDinFile(yaml, "bench-din.yaml"));
  if (!din.ok) throw new Error("synthetic DIN invalid");
  note("DIN file parse (cpu)", dinMs);
  const indicators = new Map(din.value.indicators.map((x) => [x.id, x]));
  const [rows, csvMs] = cpu(() => parseMeasurementFile(csv, "bench.csv", { indicatorIds: [...indicators.keys()], rules: indicators }));
  if (!rows.ok) throw new Error("synthetic CSV invalid");
  note("figures file parse+check (cpu)", csvMs);
}
const dir = await mkdtemp(path.join(tmpdir(), "duidbot-phases-"));
const services = await openServices({ kind: "pglite", dataDir: dir });
try {
  const [, dinCpu, dinWall] = await cpuAsync(() => importDin(services, { text: yaml, fileName: "bench-din.yaml" }));
  note("DIN import total (cpu)", dinCpu);
  note("DIN import total (wall)", dinWall);
  const [res, impCpu, impWall] = await cpuAsync(() => importMeasurements(services, { source: { kind: "file", text: csv, fileName: "bench.csv" }, via: "cli" }));
  if (!res.ok) throw new Error("import failed");
  note("figures import total (cpu)", impCpu);
  note("figures import total (wall)", impWall);
} finally {
  await services.close();
  await rm(dir, { recursive: true, force: true });
}
for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(34)} ${v.map((x) => x.toFixed(0)).join(" / ")} ms`);
