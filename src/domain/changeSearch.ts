/**
 * The search half of change detection: a series sorted once per kind, and for each value asked the
 * latest earlier value of its kind and the value a year earlier. changes.ts describes what is found
 * (changeAt); an import keeps it as records (changeRecord.ts: detectChangeRecords).
 */
import type { ChangeOptions, SeriesPoint } from "./changes.ts";
import type { Indicator } from "./din.ts";
import { comparePeriods, parsePeriod, yearEarlier } from "./period.ts";
import type { Period } from "./period.ts";

function parseOrThrow(key: string): Period {
  const parsed = parsePeriod(key);
  // Keys reaching this point were validated on input; a bad one is a programming error.
  if (!parsed.ok) throw new Error(parsed.messageEn);
  return parsed.period;
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

/** What detection compares a value with: the latest earlier value of its kind, the value a year earlier. */
export interface FoundPoints {
  previous?: ParsedPoint;
  yearEarlier?: ParsedPoint;
  options: ChangeOptions;
}

/**
 * The search half of detection: for each request, in order, its period, its value in the series and
 * the points it is compared with, handed to `each` (no object per request beyond `found`). An import
 * describes its values from this without building an IndicatorChange per value (changeRecord.ts:
 * detectChangeRecords); those are built when something reads them.
 */
export function locateChanges(
  indicator: Indicator,
  series: readonly SeriesPoint[] | ReadonlyMap<string, number>,
  requests: readonly ChangeRequest[],
  each: (index: number, current: Period, value: number, found: FoundPoints) => void,
): void {
  // A series may come as points or as period → value (planImport's map: no point object per value).
  // forEach, not for…of: no [key, value] array per entry (this runs once per indicator of an import).
  const byKind = new Map<Period["kind"], ParsedPoint[]>();
  const add = (value: number, period: string) => {
    const parsed: ParsedPoint = { period: parseOrThrow(period), value };
    const list = byKind.get(parsed.period.kind);
    if (list) list.push(parsed);
    else byKind.set(parsed.period.kind, [parsed]);
  };
  if (series instanceof Map) series.forEach(add);
  else for (const point of series as readonly SeriesPoint[]) add(point.value, point.period);
  // Sorted per kind (stable: of duplicate keys the first given counts); a file usually comes in period
  // order already, and checking that is cheaper than sorting.
  for (const list of byKind.values()) if (!isSorted(list)) list.sort(byPeriod);
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i]!;
    const current = parseOrThrow(request.period);
    const list = byKind.get(current.kind);
    const at = list ? firstAtOrAfter(list, current) : 0;
    if (!list || list[at]?.period.key !== current.key) throw new Error(`series of ${indicator.id} has no value for ${current.key}`);
    // `at` is the first of equal keys, so the one before it is the latest strictly earlier period.
    const found: FoundPoints = { options: request };
    if (at > 0) found.previous = list[at - 1]!;
    if (current.kind !== "year") {
      const yearAgo = yearEarlierOf(current);
      const y = firstAtOrAfter(list, yearAgo);
      if (list[y]?.period.key === yearAgo.key) found.yearEarlier = list[y]!;
    }
    each(i, current, list[at]!.value, found);
  }
}

const byPeriod = (a: ParsedPoint, b: ParsedPoint) => comparePeriods(a.period, b.period);

function isSorted(list: readonly ParsedPoint[]): boolean {
  for (let i = 1; i < list.length; i++) if (comparePeriods(list[i - 1]!.period, list[i]!.period) > 0) return false;
  return true;
}

/** The index of the first point at or after `p` in a sorted list (its length when there is none): a binary search. */
function firstAtOrAfter(list: readonly ParsedPoint[], p: Period): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (comparePeriods(list[mid]!.period, p) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The same period a year earlier, remembered per parsed period (shared: parsePeriod) like previousKey. */
const yearEarlierPeriods = new WeakMap<Period, Period>();
function yearEarlierOf(p: Period): Period {
  let earlier = yearEarlierPeriods.get(p);
  if (earlier === undefined) yearEarlierPeriods.set(p, (earlier = yearEarlier(p)));
  return earlier;
}
