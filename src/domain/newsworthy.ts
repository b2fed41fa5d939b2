/**
 * Which changes are news. A file often brings several years at once (a backfill); only the newest
 * period of each indicator is news, plus every correction (a changed figure people may have used).
 */
import type { IndicatorChange } from "./changes.ts";
import { comparePeriods, parsePeriod, type Period } from "./period.ts";

function periodOf(key: string): Period {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new Error(`not a canonical period: ${key}`);
  return parsed.period;
}

export function newsworthy(changes: readonly IndicatorChange[]): IndicatorChange[] {
  const newest = new Map<string, Period>();
  for (const change of changes) {
    if (change.kind === "correction") continue;
    const p = periodOf(change.period);
    const best = newest.get(change.indicatorId);
    if (!best || (best.kind === p.kind && comparePeriods(p, best) > 0)) newest.set(change.indicatorId, p);
  }
  return changes.filter((c) => c.kind === "correction" || newest.get(c.indicatorId)?.key === c.period);
}
