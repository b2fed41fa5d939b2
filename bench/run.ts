/** `npm run bench`: prints the figures the issues ask for. Not a test: nothing here passes or fails. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { CoreFigures } from "./core.ts";

const run = promisify(execFile);
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function child<T>(args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, "core.ts"), ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as T;
}

/** Each size in its own process on a freshly initialised folder: peak RSS is that size's alone. */
async function coreInChild(n: number): Promise<CoreFigures & { peakRssMb: number; initPeakRssMb: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "duidbot-bench-"));
  const init = await child<{ peakRssMb: number }>(["init", dir]);
  const figures = await child<CoreFigures & { peakRssMb: number }>([String(n), dir]);
  return { ...figures, initPeakRssMb: init.peakRssMb };
}

console.log(`Duidbot bench — Node ${process.version}, ${process.platform}/${process.arch}, PGlite (embedded) in a temp folder`);
console.log("\nCore: DIN + cijfers importeren met veranderingsdetectie / import with change detection");
for (const n of [500, 5_000]) {
  const f = await coreInChild(n);
  console.log(
    `  ${f.indicators} indicatoren × 10 jaar (${f.values} waarden): DIN-import ${fmt(f.dinImportMs)}, ` +
      `cijfers + detectie ${fmt(f.measurementImportMs)} (${f.changesDetected} veranderingen), ` +
      `veranderingen per doel ophalen ${fmt(f.changesListMs)}; totaal ${fmt(f.dinImportMs + f.measurementImportMs + f.changesListMs)}; ` +
      `piek-RSS ${f.peakRssMb.toFixed(0)} MB (aanmaken van de lege database apart: ${f.initPeakRssMb.toFixed(0)} MB)`,
  );
}

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

await (await import("./startup.ts")).printStartup();
