/**
 * The value (y) scale: its domain and the axis label format per unit. The domain is made
 * "nice" here rather than by vega, so the spec knows the exact pixel positions it needs to
 * place annotation labels clear of the line.
 */
import type { ChartData } from "../app/messages/message.ts";

export const Y_TICK_COUNT = 5;

export type ChartUnitKind = "percent" | "euro" | "other";

export function chartUnitKind(unit: string): ChartUnitKind {
  const u = unit.trim().toLowerCase();
  if (u === "%") return "percent";
  if (u === "€" || u === "euro") return "euro";
  return "other";
}

/**
 * Holds every value plus the target and baseline, so their rules are always in view.
 * Zero is included when it costs little (the line then also reads as a proportion);
 * a percentage axis never runs past 100% unless the data does.
 */
export function valueDomain(data: ChartData): [number, number] {
  const others = (data.comparisons ?? []).flatMap((c) => c.points.map((p) => p.value));
  const all = [...data.points.map((p) => p.value), ...others, data.target?.value, data.baseline?.value].filter(
    (v): v is number => v !== undefined && Number.isFinite(v),
  );
  if (all.length === 0) return [0, 1];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = hi > lo ? (hi - lo) * 0.12 : Math.abs(hi) * 0.1 || 1;
  let min = lo - pad;
  let max = hi + pad;
  if (lo >= 0 && (min < 0 || lo <= hi * 0.3)) min = 0;
  if (hi <= 0 && max > 0) max = 0;
  if (chartUnitKind(data.unit) === "percent" && hi <= 100 && max > 100) max = 100;
  return niceDomain(min, max, Y_TICK_COUNT);
}

/** d3's linear nice(): widen to multiples of the tick step until the step no longer changes. */
export function niceDomain(min: number, max: number, count: number): [number, number] {
  let lo = min;
  let hi = max;
  let previous: number | undefined;
  for (let i = 0; i < 10; i++) {
    const step = tickIncrement(lo, hi, count);
    if (step === previous || !(step > 0)) break;
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    previous = step;
  }
  // Rounding keeps 0.1 × 3 from becoming 0.30000000000000004 in the spec.
  return [round(lo), round(hi)];
}

function tickIncrement(start: number, stop: number, count: number): number {
  const raw = (stop - start) / count;
  if (!(raw > 0)) return 0;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * 10 ** power;
}

function round(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * Axis labels in the chart locale: "12,5%", "€ 1.500", "1.234". The "~" trims trailing zeros
 * and "," groups thousands; d3's own "%" format is not used because values are already percentages.
 */
export function yLabelExpr(unit: string): string {
  switch (chartUnitKind(unit)) {
    case "percent":
      return "format(datum.value, ',.2~f') + '%'";
    case "euro":
      return "format(datum.value, '$,.2~f')";
    case "other":
      return "format(datum.value, ',.2~f')";
  }
}

/** Longest y label in characters, e.g. "€ 12.500" → 8; to estimate the plot width. */
export function yLabelChars([min, max]: [number, number], unit: string): number {
  const digits = (n: number) => Math.round(Math.abs(n)).toString().length;
  const longest = Math.max(digits(min), digits(max));
  const groups = Math.floor((longest - 1) / 3);
  const extra = chartUnitKind(unit) === "percent" ? 1 : chartUnitKind(unit) === "euro" ? 2 : 0;
  return longest + groups + extra + (min < 0 ? 1 : 0) + (max - min < 5 ? 2 : 0);
}
