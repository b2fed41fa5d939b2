/**
 * Report benchmark: a DIN of n indicators (default 500) with 8 yearly values each, composed and
 * rendered as one HTML document with a chart per indicator, beside bare vega rendering of the same
 * charts in the same run (the ratio is what counts on a busy machine). No database: the report's own
 * cost, from the model to the bytes. Run alone: `node bench/report.ts [n]`.
 */
import { performance } from "node:perf_hooks";
import { loadChartEngine, renderChartSvg, vegaChartRenderer } from "../src/charts/index.ts";
import type { DinDefinition, Indicator } from "../src/domain/din.ts";
import { composeReport } from "../src/domain/report/compose.ts";
import type { ValueRecord } from "../src/domain/report/values.ts";
import { chartDataOf, renderReportHtml } from "../src/report/index.ts";

export interface ReportBench {
  indicators: number;
  reportMs: number;
  bareVegaMs: number;
  bytes: number;
}

function syntheticInput(n: number) {
  const indicators: Indicator[] = Array.from({ length: n }, (_, i) => ({
    id: `ind-${i}`,
    name: `Indicator ${i}`,
    kind: i % 3 === 0 ? "prestatie" : "effect",
    goalId: `doel-${i % 9}`,
    unit: i % 2 === 0 ? "%" : "aantal",
    direction: "hoger-is-beter",
    frequency: "jaarlijks",
    visibility: "openbaar",
    baseline: { period: "2018", value: 40 },
    target: { period: "2026", value: 60 },
  }));
  const din: DinDefinition = {
    municipality: "Benchstad",
    year: 2024,
    mission: "Iedereen doet mee.",
    opgaven: [0, 1, 2].map((o) => ({ id: `opgave-${o}`, name: `Opgave ${o}` })),
    goals: Array.from({ length: 9 }, (_, g) => ({ id: `doel-${g}`, name: `Doel ${g}`, opgaveId: `opgave-${g % 3}` })),
    speerpunten: [],
    indicators,
  };
  const recordedAt = new Date("2025-02-01T00:00:00Z");
  const history = new Map<string, ValueRecord[]>(
    indicators.map((ind, i) => [ind.id, Array.from({ length: 8 }, (_, y) => ({ period: String(2017 + y), value: 40 + ((i + y * 7) % 25), recordedAt }))]),
  );
  return { din, dinSlug: "benchstad", edition: 2024, public: false, cutoff: new Date("2025-04-01T00:00:00Z"), history, sessions: [] };
}

export async function benchReport(n = 500): Promise<ReportBench> {
  await loadChartEngine(); // loaded once for both: the comparison is of the rendering, not the import
  const input = syntheticInput(n);
  const model = composeReport(input);
  const charts = model.indicators.flatMap((i) => chartDataOf(i, "nl") ?? []);
  let start = performance.now();
  for (const chart of charts) await renderChartSvg(chart);
  const bareVegaMs = performance.now() - start;
  start = performance.now();
  const html = await renderReportHtml(composeReport(input), "nl", "draft", vegaChartRenderer);
  const reportMs = performance.now() - start;
  return { indicators: n, reportMs, bareVegaMs, bytes: Buffer.byteLength(html) };
}

export function describeReportBench(b: ReportBench): string {
  return (
    `report: ${b.indicators} indicators with charts in ${(b.reportMs / 1000).toFixed(2)} s ` +
    `(bare vega, same charts: ${(b.bareVegaMs / 1000).toFixed(2)} s; ratio ${(b.reportMs / b.bareVegaMs).toFixed(2)}), ` +
    `${(b.bytes / 1e6).toFixed(1)} MB HTML`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 500);
  console.log(describeReportBench(await benchReport(n)));
}
