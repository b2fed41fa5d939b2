/**
 * Which changes are news. A file often brings several years at once (a backfill); only the newest
 * period of each indicator is news, plus every correction (a changed figure people may have used).
 */
import type { IndicatorChange } from "./changes.ts";
import { smallNumberLimit } from "./din.ts";
import type { Indicator } from "./din.ts";
import { isSuppressed } from "./format.ts";
import type { Audience } from "./format.ts";
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

/**
 * Whether a change is news for an audience that sees it under the small-number rule ("extern"):
 * significant, and visible as a move. A value hidden as "< 10" is a move to guests only when the
 * earlier value they are shown is not hidden too; otherwise a post would tell them that something
 * they may not see has moved. Visibility (intern indicators) is decided before: mayShowIndicator.
 */
export function newsworthyFor(change: IndicatorChange, indicator: Indicator, audience: Audience): boolean {
  if (!change.significant) return false;
  const limit = smallNumberLimit(indicator);
  if (!isSuppressed(change.value, audience, limit)) return true;
  const earlier = change.kind === "correction" ? change.correctedFrom : change.previous?.value;
  return earlier !== undefined && !isSuppressed(earlier, audience, limit);
}
