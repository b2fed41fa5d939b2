/**
 * The time (x) axis of an indicator chart: one UTC instant per period start, the Vega-Lite
 * time unit per period kind, a padded domain and thinned, aligned tick values.
 * Ticks are explicit because vega's automatic time ticks fall between periods
 * ("jul 2023" on a yearly series) and repeat labels for short series.
 */
import { comparePeriods, parsePeriod, periodStart, shiftPeriod } from "../domain/period.ts";
import type { Period, PeriodKind } from "../domain/period.ts";

const DAY_MS = 86_400_000;

/** Time unit per period kind; weeks get none: ISO weeks are no Vega time unit, their Mondays are plain dates. */
export const TIME_UNIT = {
  year: "utcyear",
  quarter: "utcyearquarter",
  month: "utcyearmonth",
  week: undefined,
} as const satisfies Record<PeriodKind, string | undefined>;

/** Axis label formats (d3 utcFormat with the chart locale): "2024", "K1 2024", "mrt 2024", "wk 2 2025". */
const LABEL_FORMAT: Record<PeriodKind, Record<"nl" | "en", string>> = {
  year: { nl: "%Y", en: "%Y" },
  quarter: { nl: "K%q %Y", en: "Q%q %Y" },
  month: { nl: "%b %Y", en: "%b %Y" },
  week: { nl: "wk %-V %G", en: "wk %-V %G" },
};

/** At most this many labels fit 560 px without crowding, per kind (labels differ in length). */
const MAX_TICKS: Record<PeriodKind, number> = { year: 12, quarter: 8, month: 8, week: 7 };

/** Tick steps in periods; each divides the next kind's natural cycle so ticks land on round periods. */
const STEPS: Record<PeriodKind, number[]> = {
  year: [1, 2, 5, 10, 20, 50, 100],
  quarter: [1, 2, 4, 8, 20, 40],
  month: [1, 2, 3, 6, 12, 24, 60, 120],
  week: [1, 2, 4, 13, 26, 52, 104, 260],
};

/** Average period length, for padding the domain by a fraction of one period. */
const PERIOD_MS: Record<PeriodKind, number> = {
  year: 365.25 * DAY_MS,
  quarter: 91.3 * DAY_MS,
  month: 30.4 * DAY_MS,
  week: 7 * DAY_MS,
};

export interface TimeAxis {
  kind: PeriodKind;
  /** Every period from the first to the last point, including gaps (left-out small numbers). */
  periods: Period[];
  domain: [number, number];
  ticks: number[];
  format: string;
}

export function parseSeriesPeriod(key: string): Period {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new Error(`chart: ${parsed.messageEn}`);
  return parsed.period;
}

/** Builds the axis for a series of periods of one kind, oldest first. */
export function timeAxis(periods: readonly Period[], lang: "nl" | "en"): TimeAxis {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new Error("chart: a chart needs at least one point");
  const kind = first.kind;
  for (const p of periods) {
    if (p.kind !== kind) throw new Error(`chart: mixed period kinds in one series (${first.key} and ${p.key})`);
  }
  if (comparePeriods(first, last) > 0) throw new Error(`chart: points must be oldest first (${first.key} before ${last.key})`);

  const all: Period[] = [];
  for (let p = first; comparePeriods(p, last) <= 0; p = shiftPeriod(p, 1)) all.push(p);

  // Padding keeps the first and last point off the axis lines and centres a single point.
  const pad = PERIOD_MS[kind] * 0.45;
  const domain: [number, number] = [periodStart(first).getTime() - pad, periodStart(last).getTime() + pad];

  return { kind, periods: all, domain, ticks: tickValues(all), format: LABEL_FORMAT[kind][lang] };
}

function tickValues(all: readonly Period[]): number[] {
  const first = all[0];
  if (!first) return [];
  const kind = first.kind;
  const steps = STEPS[kind];
  const step = steps.find((s) => Math.ceil(all.length / s) <= MAX_TICKS[kind]) ?? steps[steps.length - 1] ?? 1;
  const aligned = step === 1 ? [...all] : all.filter((p) => (kind === "year" ? p.year % step === 0 : (p.index - 1) % step === 0));
  const chosen = aligned.length > 0 ? aligned : [first];
  return chosen.map((p) => periodStart(p).getTime());
}
