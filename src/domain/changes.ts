/**
 * Change detection: what a new or corrected value means against the previous period, the same period
 * a year earlier, the referentiewaarde and the streefwaarde, and whether it is worth a message.
 */
import { DEFAULT_RELATIVE_THRESHOLD } from "./din.ts";
import type { Direction, Indicator, Threshold } from "./din.ts";
import { locateChanges, type ChangeRequest, type FoundPoints } from "./changeSearch.ts";
import { previousPeriod } from "./period.ts";
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
  const changes = new Array<IndicatorChange>(requests.length);
  locateChanges(indicator, series, requests, (i, current, value, found) => {
    changes[i] = changeAt(indicator, current, value, found);
  });
  return changes;
}

/**
 * The key of the period before `p`, remembered per parsed period: parsed periods are shared
 * (parsePeriod), and a change is described for every value of an import (50,000–260,000 in the bench).
 */
const previousKeys = new WeakMap<Period, string>();
function previousKey(p: Period): string {
  let key = previousKeys.get(p);
  if (key === undefined) previousKeys.set(p, (key = previousPeriod(p).key));
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
  found: FoundPoints,
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
    const gap = latestEarlier.period.key !== previousKey(current);
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
    change.target = { period: targetPeriod, value: targetValue, distance: value - targetValue, reached: targetReached(indicator.direction, value, targetValue) };
    const crossing = targetCrossing(indicator, value, before);
    if (crossing) change.target.crossing = crossing;
  }

  const reasons = change.significanceReasons;
  const moved = movementReason(indicator, value, change.previous?.value, options.correctedFrom);
  if (moved) reasons.push(moved);
  if (change.target?.crossing) reasons.push("target-crossing");
  change.significant = reasons.length > 0;
  return change;
}

/**
 * Whether the target status flipped against what the reader knew before (`before`: the previous
 * period's value, or for a correction the value it replaces).
 */
function targetCrossing(indicator: Indicator, value: number, before: number | undefined): TargetStatus["crossing"] {
  if (!indicator.target || before === undefined) return undefined;
  const reached = targetReached(indicator.direction, value, indicator.target.value);
  if (reached === targetReached(indicator.direction, before, indicator.target.value)) return undefined;
  return reached ? "reached" : "lost";
}

/** The move that makes a value news: a correction by what it corrects, a new value against the previous one. */
function movementReason(indicator: Indicator, value: number, previousValue: number | undefined, correctedFrom: number | undefined): SignificanceReason | undefined {
  if (correctedFrom !== undefined) return meetsThreshold(indicator.threshold, correctedFrom, value) ? "correction" : undefined;
  if (previousValue !== undefined) return meetsThreshold(indicator.threshold, previousValue, value) ? "threshold" : undefined;
  return undefined;
}

/**
 * changeAt's `significant`, without building the change: the same two rules (movementReason,
 * targetCrossing). An import decides this for every value it stores (50,000 in the bench).
 */
export function isSignificant(indicator: Indicator, value: number, previousValue: number | undefined, correctedFrom: number | undefined): boolean {
  return movementReason(indicator, value, previousValue, correctedFrom) !== undefined || targetCrossing(indicator, value, correctedFrom ?? previousValue) !== undefined;
}
