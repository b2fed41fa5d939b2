/** `npm run bench`: prints the figures the issues ask for. Not a test: nothing here passes or fails. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import type { CoreCase, CoreFigures } from "./core.ts";

const run = promisify(execFile);
const fmt = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

async function child<T>(args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, "core.ts"), ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as T;
}

type Measured = CoreFigures & { peakRssMb: number; initPeakRssMb?: number };

/** Each case in its own process (PGlite: on a freshly initialised folder): peak RSS is that case's alone. */
async function coreInChild(c: Omit<CoreCase, "dataDir">): Promise<Measured> {
  if (c.postgresUrl) return child<Measured>(["run", JSON.stringify(c)]);
  const dir = await mkdtemp(path.join(tmpdir(), "duidbot-bench-"));
  try {
    const init = await child<{ peakRssMb: number }>(["init", dir]);
    const figures = await child<Measured>(["run", JSON.stringify({ ...c, dataDir: dir })]);
    return { ...figures, initPeakRssMb: init.peakRssMb };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A figure beside its baseline of the same run: the ratio is what compares across machines and loads. */
const vs = (ms: number, baseMs: number, budget?: string) =>
  `${fmt(ms).padStart(8)}   basis ${fmt(baseMs).padStart(7)}   × ${(ms / baseMs).toFixed(1).padStart(5)}${budget ? `   budget ${budget}` : ""}`;

function printCore(f: Measured, budgets: boolean): void {
  const n = f.values.toLocaleString("en");
  console.log(`  ${f.database}: ${f.indicators.toLocaleString("en")} indicatoren, ${n} waarden${f.context ? " (de helft vergelijking/uitsplitsing)" : ""} (${f.changesDetected.toLocaleString("en")} veranderingen)`);
  console.log(`    DIN importeren / DIN import                       ${fmt(f.dinImportMs).padStart(8)}`);
  console.log(`    cijfers importeren + detectie / figures import    ${vs(f.measurementImportMs, f.baselineInsertMs, budgets ? "< 1 s (met DIN)" : undefined)}`);
  console.log(`      DIN + cijfers samen / DIN + figures together    ${vs(f.dinImportMs + f.measurementImportMs, f.baselineInsertMs)}   (basis: unnest-insert van ${n} rijen)`);
  const cpu = f.cpuMs;
  console.log(
    `      CPU-tijd / CPU time: DIN ${fmt(cpu.dinImport)}, cijfers / figures ${fmt(cpu.measurementImport)} (basis ${fmt(cpu.baselineInsert)}, × ${(cpu.measurementImport / cpu.baselineInsert).toFixed(1)}); hangt minder van de belasting af / depends less on load`,
  );
  console.log(`    duidbot changes (laatste per indicator)           ${vs(f.changesListMs, f.baselineWindowMs, budgets ? "< 0,5 s" : undefined)}   (basis: één window-pass)`);
  console.log(`    duidbot changes --alle                            ${vs(f.changesAllMs, f.baselineWindowMs, budgets ? "< 1,5 s" : undefined)}`);
  console.log(`    piek-RSS ${f.peakRssMb.toFixed(0)} MB${f.initPeakRssMb ? ` (aanmaken van de lege database apart: ${f.initPeakRssMb.toFixed(0)} MB)` : ""}`);
}

console.log(`Duidbot bench — Node ${process.version}, ${process.platform}/${process.arch}; load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log("\nCore: DIN + cijfers importeren met veranderingsdetectie, veranderingen ophalen / import with change detection, list changes");
console.log("  (× = verhouding tot de kale database-basis in dezelfde run / ratio to the bare database baseline of the same run)");
const cases: Omit<CoreCase, "dataDir" | "postgresUrl">[] = [
  { indicators: 5_000, years: 10, frequency: "jaarlijks" },
  // Issue #21: the same 50,000 values, each with a comparison or breakdown row beside it (100,000 rows).
  { indicators: 5_000, years: 10, frequency: "jaarlijks", context: true },
  { indicators: 500, years: 10, frequency: "week" },
];
const postgresUrl = process.env.BENCH_DATABASE_URL;
for (const c of cases) {
  printCore(await coreInChild(c), c.frequency === "jaarlijks");
  if (postgresUrl) printCore(await coreInChild({ ...c, postgresUrl }), false);
}

// Start-up time and memory (issue #15): bench/startup.ts prints its own lines.
console.log("\nOpstarten en geheugen / start-up and memory");
await (await import("./startup.ts")).printStartup();

// `npm run bench -- core`: only the parts above (import, changes, start-up).
if (process.argv[2] === "core") process.exit(0);

console.log("\nGrafieken / charts (vega-lite → SVG → PNG 2×), 200 stuks");
const { benchCharts } = await import("./charts.ts");
const c = await benchCharts(200);
console.log(
  `  mediaan SVG ${c.svgMedianMs.toFixed(1)} ms, SVG + PNG ${c.pngMedianMs.toFixed(1)} ms; ` +
    `eerste keer laden ${c.firstLoadMs.toFixed(0)} ms; RSS ${c.rssMb.toFixed(0)} MB`,
);

console.log("\nBijdragen vastleggen / recording thread replies (recordContribution, PGlite in memory)");
const contributions = await run(process.execPath, [path.join(import.meta.dirname, "contributions.ts")], { maxBuffer: 1 << 20 });
console.log(contributions.stdout.trimEnd());

console.log("\nSlack: getekend verzoek → ack / signed request → ack (eigen proces / own process)");
const slack = await run(process.execPath, [path.join(import.meta.dirname, "slackAck.ts")], { maxBuffer: 1 << 20 });
console.log(slack.stdout.trimEnd().split("\n").slice(1).join("\n"));

console.log("\nDIN-rapportage / the DIN report (500 indicatoren met grafieken, naast kale vega)");
const { benchReport, describeReportBench } = await import("./report.ts");
console.log(`  ${describeReportBench(await benchReport(500))}`);
