/**
 * Trend and context in words: how an indicator moved over its last 3–5 periods ("stijgt al 3 jaar",
 * "schommelt", "stabiel"), how far it is from the referentiewaarde, and whether the streefwaarde is
 * still reached in time at the current pace. What the herkennen and waarderen questions need beside
 * the last step. One function (`describeTrend`) for every face: change posts (via describeChangeParts),
 * `duidbot indicator`, the web indicator page and the report. Pure.
 */
import { smallNumberLimit } from "./din.ts";
import type { Direction, Indicator, PeriodValue } from "./din.ts";
import { formatDifference, formatValue, isSuppressed } from "./format.ts";
import type { Audience, Lang } from "./format.ts";
import { comparePeriods, formatPeriodKey, frequencyKind, parsePeriod, periodEnd, periodStart, previousPeriod, shiftPeriod } from "./period.ts";
import type { Period, PeriodKind } from "./period.ts";

/** What the trend needs of an indicator (the report passes its own model's fields). */
export type TrendIndicator = Pick<Indicator, "unit" | "direction"> & Partial<Pick<Indicator, "baseline" | "target" | "count" | "smallNumbers">>;

/** The trend window: at most this many values (4 steps), at least MIN_POINTS (2 steps). */
export const MAX_POINTS = 5;
export const MIN_POINTS = 3;
/**
 * A step smaller than 1% of the earlier value counts as no move: "stabiel" must survive rounding
 * noise (12,5% → 12,52%), while a steady small rise of a few percent a year still reads as rising.
 */
export const TREND_NOISE = 0.01;
/** A projection further away than this many periods is "not reached" (not "pas in 2187"). */
const MAX_PROJECTION = 100;
const EPSILON = 1e-9;

export type Movement =
  | { kind: "stijgt" | "daalt"; steps: number; unit: PeriodKind }
  | { kind: "schommelt" | "stabiel"; steps: number; unit: PeriodKind };

export type Pace =
  /** At the average step of the window the target is met at `at`, on or before the target period. */
  | { kind: "in-time"; at: string }
  /** Met at `at`, after the target period. */
  | { kind: "late"; at: string }
  /** Not met: the window stands still or moves away from the target (or would take > 100 periods). */
  | { kind: "never" };

export interface TrendAnalysis {
  /** Absent with fewer than MIN_POINTS consecutive values, or when one step after flat ones says nothing yet. */
  movement?: Movement;
  /** Value minus referentiewaarde. */
  baselineDistance?: number;
  /** Only when there is a target not yet reached, its period not passed, and a window to take the pace from. */
  pace?: Pace;
}

function parsed(key: string): Period | undefined {
  const p = parsePeriod(key);
  return p.ok ? p.period : undefined;
}

/** Periods between two periods of one kind (weeks through their dates: years have 52 or 53). */
function distance(from: Period, to: Period): number {
  if (from.kind === "week") return Math.round((periodStart(to).getTime() - periodStart(from).getTime()) / (7 * 86_400_000));
  const perYear = from.kind === "year" ? 1 : from.kind === "quarter" ? 4 : 12;
  return (to.year - from.year) * perYear + (to.index - from.index);
}

/** The consecutive values (no missing period) ending at `period`, oldest first, at most MAX_POINTS. */
function window(series: readonly PeriodValue[], current: Period): { period: Period; value: number }[] {
  const byKey = new Map(series.map((p) => [p.period, p.value]));
  const points: { period: Period; value: number }[] = [];
  for (let p = current; points.length < MAX_POINTS; p = previousPeriod(p)) {
    const value = byKey.get(p.key);
    if (value === undefined) break;
    points.unshift({ period: p, value });
  }
  return points;
}

function stepSign(from: number, to: number): -1 | 0 | 1 {
  const delta = to - from;
  const noise = from === 0 ? EPSILON : Math.abs(from) * TREND_NOISE;
  if (Math.abs(delta) < noise) return 0;
  return delta > 0 ? 1 : -1;
}

function movementOf(points: readonly { value: number }[], unit: PeriodKind): Movement | undefined {
  if (points.length < MIN_POINTS) return undefined;
  const signs = points.slice(1).map((p, i) => stepSign(points[i]!.value, p.value));
  const last = signs.at(-1)!;
  let run = 0;
  while (last !== 0 && run < signs.length && signs[signs.length - 1 - run] === last) run++;
  if (run >= 2) return { kind: last > 0 ? "stijgt" : "daalt", steps: run, unit };
  if (signs.every((s) => s === 0)) return { kind: "stabiel", steps: signs.length, unit };
  if (signs.includes(1) && signs.includes(-1)) return { kind: "schommelt", steps: signs.length, unit };
  return undefined;
}

function reached(direction: Direction, value: number, target: number): boolean {
  return direction === "hoger-is-beter" ? value >= target - EPSILON : value <= target + EPSILON;
}

function paceOf(indicator: TrendIndicator, points: readonly { period: Period; value: number }[]): Pace | undefined {
  const target = indicator.target;
  if (!target || indicator.direction === "neutraal" || points.length < MIN_POINTS) return undefined;
  const first = points[0]!;
  const latest = points.at(-1)!;
  const targetPeriod = parsed(target.period);
  if (!targetPeriod || reached(indicator.direction, latest.value, target.value)) return undefined;
  // The target period has come (or gone) without reaching it: the target status says so already.
  if (periodEnd(latest.period).getTime() >= periodEnd(targetPeriod).getTime()) return undefined;
  const perPeriod = (latest.value - first.value) / distance(first.period, latest.period);
  const needed = target.value - latest.value;
  if (Math.abs(perPeriod) <= EPSILON || Math.sign(perPeriod) !== Math.sign(needed)) return { kind: "never" };
  const periods = Math.ceil(needed / perPeriod - EPSILON);
  if (periods > MAX_PROJECTION) return { kind: "never" };
  const at = shiftPeriod(latest.period, periods);
  return { kind: periodEnd(at).getTime() <= periodEnd(targetPeriod).getTime() ? "in-time" : "late", at: at.key };
}

/**
 * The trend of `indicator` at `period` from its values (`series`: any order; other period kinds and
 * later periods are ignored). For an external audience nothing is said that a hidden small number
 * would give away: no movement or pace when a value in the window is hidden, nothing when the value is.
 */
export function analyseTrend(indicator: TrendIndicator, series: readonly PeriodValue[], period: string, audience: Audience = "intern"): TrendAnalysis {
  const current = parsed(period);
  if (!current) return {};
  const points = window(series, current);
  const latest = points.at(-1);
  if (!latest) return {};
  const limit = smallNumberLimit(indicator);
  if (isSuppressed(latest.value, audience, limit)) return {};
  const analysis: TrendAnalysis = {};
  // The referentiewaarde is a measured figure (a nulmeting): a small one is hidden like any value (as in the report).
  if (indicator.baseline && !isSuppressed(indicator.baseline.value, audience, limit)) analysis.baselineDistance = latest.value - indicator.baseline.value;
  if (points.some((p) => isSuppressed(p.value, audience, limit))) return analysis;
  const movement = movementOf(points, current.kind);
  if (movement) analysis.movement = movement;
  const pace = paceOf(indicator, points);
  if (pace) analysis.pace = pace;
  return analysis;
}

const UNITS: Record<Lang, Record<PeriodKind, string>> = {
  nl: { year: "jaar", quarter: "kwartalen", month: "maanden", week: "weken" },
  en: { year: "years", quarter: "quarters", month: "months", week: "weeks" },
};

const TEXT = {
  nl: {
    stijgt: (n: number, unit: string) => `stijgt al ${n} ${unit}`,
    daalt: (n: number, unit: string) => `daalt al ${n} ${unit}`,
    schommelt: "schommelt",
    stabiel: "stabiel",
    above: (d: string, ref: string) => `${d} boven referentiewaarde ${ref}`,
    below: (d: string, ref: string) => `${d} onder referentiewaarde ${ref}`,
    equal: (ref: string) => `gelijk aan referentiewaarde ${ref}`,
    inTime: (at: string) => `op dit tempo gehaald in ${at}`,
    late: (at: string, target: string) => `op dit tempo pas gehaald in ${at}, na ${target}`,
    never: (target: string) => `op dit tempo niet gehaald in ${target}`,
  },
  en: {
    stijgt: (n: number, unit: string) => `rising for ${n} ${unit}`,
    daalt: (n: number, unit: string) => `falling for ${n} ${unit}`,
    schommelt: "fluctuating",
    stabiel: "stable",
    above: (d: string, ref: string) => `${d} above baseline ${ref}`,
    below: (d: string, ref: string) => `${d} below baseline ${ref}`,
    equal: (ref: string) => `equal to baseline ${ref}`,
    inTime: (at: string) => `at this pace reached in ${at}`,
    late: (at: string, target: string) => `at this pace reached only in ${at}, after ${target}`,
    never: (target: string) => `at this pace not reached by ${target}`,
  },
} as const;

/** The trend as words; each part absent when there is nothing to say. */
export interface TrendText {
  /** "stijgt al 3 jaar", "daalt al 4 kwartalen", "schommelt", "stabiel". */
  movement?: string;
  /** "2,1 procentpunt boven referentiewaarde 7% (2020)". */
  baseline?: string;
  /** "op dit tempo gehaald in 2025", "… pas gehaald in 2029, na 2026", "… niet gehaald in 2026". */
  pace?: string;
}


/** The one function every face uses for the trend words (see the file comment). */
export function describeTrend(indicator: TrendIndicator, series: readonly PeriodValue[], period: string, lang: Lang, audience: Audience = "intern"): TrendText {
  const analysis = analyseTrend(indicator, series, period, audience);
  const t = TEXT[lang];
  const out: TrendText = {};
  const m = analysis.movement;
  if (m) out.movement = m.kind === "stijgt" || m.kind === "daalt" ? t[m.kind](m.steps, UNITS[lang][m.unit]) : t[m.kind];
  if (analysis.baselineDistance !== undefined && indicator.baseline) {
    // Shown as it is: analyseTrend gave no distance when the audience may not see it.
    const ref = `${formatValue(indicator.baseline.value, indicator.unit, lang, { audience: "intern" })} (${formatPeriodKey(indicator.baseline.period, lang)})`;
    const d = analysis.baselineDistance;
    const size = formatDifference(Math.abs(d), indicator.unit, lang);
    // "0 procentpunt boven" after rounding reads as equal.
    const equal = size === formatDifference(0, indicator.unit, lang);
    out.baseline = equal ? t.equal(ref) : d > 0 ? t.above(size, ref) : t.below(size, ref);
  }
  const pace = analysis.pace;
  if (pace && indicator.target) {
    const target = formatPeriodKey(indicator.target.period, lang);
    out.pace = pace.kind === "in-time" ? t.inTime(formatPeriodKey(pace.at, lang)) : pace.kind === "late" ? t.late(formatPeriodKey(pace.at, lang), target) : t.never(target);
  }
  return out;
}

/**
 * The trend at the indicator's newest value of its own frequency, as one line for the faces that show
 * an indicator rather than a change (`duidbot indicator`, the report): "stijgt al 3 jaar · op dit
 * tempo gehaald in 2025 · 2,1 procentpunt boven referentiewaarde 7% (2020)"; undefined when there is nothing to say.
 */
export function trendLine(
  indicator: TrendIndicator & Pick<Indicator, "frequency">,
  series: readonly PeriodValue[],
  lang: Lang,
  audience: Audience = "intern",
): string | undefined {
  const own = frequencyKind(indicator.frequency);
  let newest: Period | undefined;
  for (const point of series) {
    const p = parsed(point.period);
    if (p && p.kind === own && (!newest || comparePeriods(p, newest) > 0)) newest = p;
  }
  if (!newest) return undefined;
  const text = describeTrend(indicator, series, newest.key, lang, audience);
  const parts = [text.movement, text.pace, text.baseline].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(" · ") : undefined;
}
