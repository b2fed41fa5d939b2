/**
 * Change detection: what a new or corrected value means against the previous period, the same period
 * a year earlier, the referentiewaarde and the streefwaarde, and whether it is worth a message.
 */
import { DEFAULT_RELATIVE_THRESHOLD } from "./din.ts";
import type { Direction, Indicator, Threshold } from "./din.ts";
import { comparePeriods, parsePeriod, previousPeriod, yearEarlier } from "./period.ts";
import type { Period } from "./period.ts";

/** One current value of an indicator. */
export interface SeriesPoint {
  /** Canonical period key (see `period.ts`). */
  period: string;
  value: number;
}

/** The new value compared with an earlier one. */
export interface Comparison {
  period: string;
  value: number;
  /** New value minus this value. */
  absolute: number;
  /** `absolute / |value|` as a fraction; undefined when this value is 0 (no meaningful ratio). */
  relative?: number;
  /** True when the immediately preceding period has no value and an earlier one was used. Always false for yearEarlier. */
  gap: boolean;
}

export type Assessment = "beter" | "slechter" | "gelijk" | "neutraal";

export interface TargetStatus {
  period: string;
  value: number;
  /** New value minus target, signed. */
  distance: number;
  /** On the good side of (or equal to) the target given the direction; for "neutraal": equal within 1e-9. */
  reached: boolean;
  /**
   * Change of `reached` against what the reader knew before this update: for a new value the previous
   * period's value, for a correction the value it replaces. Absent when nothing changed or nothing was known.
   */
  crossing?: "reached" | "lost";
}

export interface BaselineStatus {
  period: string;
  value: number;
  /** New value minus referentiewaarde, signed. */
  distance: number;
}

export type SignificanceReason = "threshold" | "target-crossing" | "correction";

export interface IndicatorChange {
  indicatorId: string;
  goalId: string;
  period: string;
  value: number;
  kind: "new" | "correction";
  /** The value this correction replaces (only for kind "correction"). */
  correctedFrom?: number;
  /** Latest earlier period of the same kind that has a value. */
  previous?: Comparison;
  /** The same period one year earlier (only for sub-annual periods, and only when that period has a value). */
  yearEarlier?: Comparison;
  /** Good or bad against `previous`, given the direction; absent when there is no previous value. */
  assessment?: Assessment;
  target?: TargetStatus;
  baseline?: BaselineStatus;
  significant: boolean;
  significanceReasons: SignificanceReason[];
}

export interface ChangeOptions {
  /** Set when this value corrects an existing value for the same period. */
  correctedFrom?: number;
}

/** Tolerance for float noise (0.3 - 0.1 must count as 0.2). */
const EPSILON = 1e-9;

function parseOrThrow(key: string): Period {
  const parsed = parsePeriod(key);
  // Keys reaching this point were validated on input; a bad one is a programming error.
  if (!parsed.ok) throw new Error(parsed.messageEn);
  return parsed.period;
}

function compare(value: number, point: { period: string; value: number }, gap: boolean): Comparison {
  const absolute = value - point.value;
  const comparison: Comparison = { period: point.period, value: point.value, absolute, gap };
  // Divide by |value| so the sign of `relative` always follows the sign of `absolute` (negative saldi).
  if (point.value !== 0) comparison.relative = absolute / Math.abs(point.value);
  return comparison;
}

export function assess(direction: Direction, absolute: number): Assessment {
  if (direction === "neutraal") return "neutraal";
  if (Math.abs(absolute) <= EPSILON) return "gelijk";
  const up = absolute > 0;
  return up === (direction === "hoger-is-beter") ? "beter" : "slechter";
}

export function targetReached(direction: Direction, value: number, target: number): boolean {
  switch (direction) {
    case "hoger-is-beter":
      return value >= target - EPSILON;
    case "lager-is-beter":
      return value <= target + EPSILON;
    case "neutraal":
      return Math.abs(value - target) <= EPSILON;
  }
}

/** |change| meets the indicator's threshold (default: relative ≥ 5%); a change away from 0 always does. */
export function meetsThreshold(threshold: Threshold | undefined, from: number, to: number): boolean {
  const absolute = Math.abs(to - from);
  if (absolute <= EPSILON) return false;
  if (threshold && "absolute" in threshold) return absolute >= threshold.absolute - EPSILON;
  const relative = threshold?.relative ?? DEFAULT_RELATIVE_THRESHOLD;
  if (from === 0) return true;
  return absolute / Math.abs(from) >= relative - EPSILON;
}

/** One value to describe: its period, and for a correction the value it replaces. */
export interface ChangeRequest extends ChangeOptions {
  period: string;
}

/** A value with its parsed period. */
export interface ParsedPoint {
  period: Period;
  value: number;
}

/**
 * Describes the value of `indicator` at `period`. `series` holds all current values (any order, including
 * this one); values of another period kind are ignored. Throws when `period` is not in the series.
 *
 * Significance: a new value is significant when its change against `previous` meets the threshold or when it
 * crosses the target. A first value (no earlier period) is never significant: there is nothing it moved
 * from, and flagging it made every indicator of a first import "opvallend" (24 of 24 on the Huizen
 * import), which buries the real news. A correction is judged only by what it corrects: significant when
 * correctedFrom → value meets the threshold or flips the target status; the change against the previous
 * period was already reported with the original value, so repeating it would be noise.
 */
export function detectChange(
  indicator: Indicator,
  series: readonly SeriesPoint[],
  period: string,
  options: ChangeOptions = {},
): IndicatorChange {
  return detectChanges(indicator, series, [{ ...options, period }])[0]!;
}

/**
 * detectChange for many periods of one series at once, in the order asked. The series is parsed and
 * sorted once and every request is a lookup: calling detectChange per value rebuilt and re-parsed the
 * whole series each time, quadratic in its length (10 years of weekly values: 520 × 520 parses).
 */
export function detectChanges(
  indicator: Indicator,
  series: readonly SeriesPoint[] | ReadonlyMap<string, number>,
  requests: readonly ChangeRequest[],
): IndicatorChange[] {
  // A series may come as points or as period → value (planImport's map: no point object per value).
  const byKind = new Map<Period["kind"], ParsedPoint[]>();
  const add = (period: string, value: number) => {
    const parsed: ParsedPoint = { period: parseOrThrow(period), value };
    const list = byKind.get(parsed.period.kind);
    if (list) list.push(parsed);
    else byKind.set(parsed.period.kind, [parsed]);
  };
  if (series instanceof Map) for (const [period, value] of series) add(period, value);
  else for (const point of series as readonly SeriesPoint[]) add(point.period, point.value);
  // Position of each key in its kind's sorted list; the first of duplicate keys counts (stable sort). A
  // key names its kind, so the list is the one of the asked period's kind: a number per key, no object.
  const position = new Map<string, number>();
  for (const list of byKind.values()) {
    list.sort((a, b) => comparePeriods(a.period, b.period));
    for (let index = 0; index < list.length; index++) {
      const key = list[index]!.period.key;
      if (!position.has(key)) position.set(key, index);
    }
  }
  const changes = new Array<IndicatorChange>(requests.length);
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i]!;
    const current = parseOrThrow(request.period);
    const at = position.get(current.key);
    if (at === undefined) throw new Error(`series of ${indicator.id} has no value for ${current.key}`);
    const list = byKind.get(current.kind)!;
    // `at` is the first of equal keys, so the one before it is the latest strictly earlier period.
    const yearAgo = current.kind === "year" ? undefined : position.get(keyBefore(current, "year"));
    const found: Parameters<typeof changeAt>[3] = { options: request };
    if (at > 0) found.previous = list[at - 1]!;
    if (yearAgo !== undefined) found.yearEarlier = list[yearAgo]!;
    changes[i] = changeAt(indicator, current, list[at]!.value, found);
  }
  return changes;
}

/**
 * The key of the period before `p` (or a year before it), remembered per parsed period: parsed periods
 * are shared (parsePeriod), and an import asks this for every value (50,000–260,000 in the bench).
 */
const previousKeys = new WeakMap<Period, string>();
const yearEarlierKeys = new WeakMap<Period, string>();
function keyBefore(p: Period, step: "period" | "year"): string {
  const memo = step === "period" ? previousKeys : yearEarlierKeys;
  let key = memo.get(p);
  if (key === undefined) memo.set(p, (key = (step === "period" ? previousPeriod(p) : yearEarlier(p)).key));
  return key;
}

/**
 * The change of `value` at `current`, given what detection found: the latest earlier value of the same
 * kind and the value a year earlier. Also rebuilds a stored change (changeRecord.ts) from those two.
 */
export function changeAt(
  indicator: Indicator,
  current: Period,
  value: number,
  found: { previous?: ParsedPoint; yearEarlier?: ParsedPoint; options: ChangeOptions },
): IndicatorChange {
  const { previous: latestEarlier, options } = found;
  const change: IndicatorChange = {
    indicatorId: indicator.id,
    goalId: indicator.goalId,
    period: current.key,
    value,
    kind: options.correctedFrom === undefined ? "new" : "correction",
    significant: false,
    significanceReasons: [],
  };
  if (options.correctedFrom !== undefined) change.correctedFrom = options.correctedFrom;

  if (latestEarlier) {
    const gap = latestEarlier.period.key !== keyBefore(current, "period");
    change.previous = compare(value, { period: latestEarlier.period.key, value: latestEarlier.value }, gap);
    change.assessment = assess(indicator.direction, change.previous.absolute);
  }

  if (found.yearEarlier) change.yearEarlier = compare(value, { period: found.yearEarlier.period.key, value: found.yearEarlier.value }, false);

  if (indicator.baseline) {
    const { period: baselinePeriod, value: baselineValue } = indicator.baseline;
    change.baseline = { period: baselinePeriod, value: baselineValue, distance: value - baselineValue };
  }

  // What the reader knew before this update, for the target crossing.
  const before = options.correctedFrom ?? change.previous?.value;
  if (indicator.target) {
    const { period: targetPeriod, value: targetValue } = indicator.target;
    const reached = targetReached(indicator.direction, value, targetValue);
    change.target = { period: targetPeriod, value: targetValue, distance: value - targetValue, reached };
    if (before !== undefined) {
      const wasReached = targetReached(indicator.direction, before, targetValue);
      if (reached !== wasReached) change.target.crossing = reached ? "reached" : "lost";
    }
  }

  const reasons = change.significanceReasons;
  if (options.correctedFrom !== undefined) {
    if (meetsThreshold(indicator.threshold, options.correctedFrom, value)) reasons.push("correction");
  } else if (change.previous) {
    if (meetsThreshold(indicator.threshold, change.previous.value, value)) reasons.push("threshold");
  }
  if (change.target?.crossing) reasons.push("target-crossing");
  change.significant = reasons.length > 0;
  return change;
}
