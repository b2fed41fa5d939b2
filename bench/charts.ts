/**
 * Chart benchmark: library load, median compile + SVG, median SVG + PNG (2×) over n charts
 * of every period kind. Returns figures and prints nothing (the caller prints), except when
 * run directly: `node bench/charts.ts [n]`.
 * firstLoadMs is only meaningful in a fresh process: once loaded, the engine is cached.
 */
import type { ChartData } from "../src/app/messages/message.ts";
import { makePeriod, shiftPeriod } from "../src/domain/period.ts";
import type { PeriodKind } from "../src/domain/period.ts";
import { loadChartEngine, renderChartPng, renderChartSvg } from "../src/charts/renderChart.ts";

export interface ChartBench {
  svgMedianMs: number;
  pngMedianMs: number;
  firstLoadMs: number;
  rssMb: number;
}

const SHAPES: { kind: PeriodKind; count: number; unit: string; start: number }[] = [
  { kind: "year", count: 8, unit: "%", start: 12.5 },
  { kind: "quarter", count: 12, unit: "per 1.000 inwoners", start: 31 },
  { kind: "month", count: 36, unit: "aantal", start: 1250 },
  { kind: "week", count: 52, unit: "€", start: 4800 },
];

/** Deterministic varied charts, so runs are comparable. */
function sample(i: number): ChartData {
  const shape = SHAPES[i % SHAPES.length] ?? { kind: "year", count: 8, unit: "%", start: 12.5 };
  const first = makePeriod(shape.kind, 2020, 1);
  const points = Array.from({ length: shape.count }, (_, k) => ({
    period: shiftPeriod(first, k).key,
    value: Math.round(shape.start * (1 + 0.08 * Math.sin(k / 2 + i)) * 10) / 10,
  }));
  return {
    title: `Benchmarkindicator ${i}`,
    unit: shape.unit,
    lang: i % 5 === 0 ? "en" : "nl",
    points,
    target: { period: "2026", value: shape.start * 0.9 },
    ...(i % 2 === 0 ? { baseline: { period: first.key, value: shape.start } } : {}),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round((m ?? 0) * 10) / 10;
}

export async function benchCharts(n = 200): Promise<ChartBench> {
  const loadStart = performance.now();
  await loadChartEngine();
  const firstLoadMs = Math.round(performance.now() - loadStart);
  await renderChartPng(sample(0)); // warm-up: JIT and font caches

  const svgTimes: number[] = [];
  const pngTimes: number[] = [];
  for (let i = 0; i < n; i++) {
    const data = sample(i);
    let t = performance.now();
    await renderChartSvg(data);
    svgTimes.push(performance.now() - t);
    t = performance.now();
    await renderChartPng(data);
    pngTimes.push(performance.now() - t);
  }
  return {
    svgMedianMs: median(svgTimes),
    pngMedianMs: median(pngTimes),
    firstLoadMs,
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
}

if (import.meta.main) {
  const n = Number(process.argv[2] ?? 200);
  const r = await benchCharts(n);
  console.log(`charts (n=${n}): compile+SVG median ${r.svgMedianMs} ms · SVG+PNG 2× median ${r.pngMedianMs} ms`);
  console.log(`first load ${r.firstLoadMs} ms · RSS ${r.rssMb} MB`);
}
