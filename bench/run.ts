/** `npm run bench`: prints the figures the issues ask for. Not a test: nothing here passes or fails. */
import { benchCore, type CoreFigures } from "./core.ts";

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printCore(f: CoreFigures): void {
  console.log(
    `  ${f.indicators} indicatoren × 10 jaar (${f.values} waarden): DIN-import ${fmt(f.dinImportMs)}, ` +
      `cijfers + veranderingsdetectie ${fmt(f.measurementImportMs)} (${f.changesDetected} veranderingen), ` +
      `veranderingen per doel ophalen ${fmt(f.changesListMs)}; totaal ${fmt(f.dinImportMs + f.measurementImportMs + f.changesListMs)}`,
  );
}

console.log(`Duidbot bench — Node ${process.version}, PGlite (embedded) in a temp folder`);
console.log("Core: import + change detection");
for (const n of [500, 5_000]) printCore(await benchCore(n));
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`Piek-RSS / peak RSS: ${rssMb.toFixed(0)} MB`);
