/**
 * Which changes are news. A file often brings several years at once (a backfill); only the newest
 * period of each indicator is news, plus every correction (a changed figure people may have used).
 */
import type { IndicatorChange } from "./changes.ts";
import { smallNumberLimit } from "./din.ts";
import type { Indicator } from "./din.ts";
import { isSuppressed } from "./format.ts";
import type { Audience } from "./format.ts";
import { parsePeriod, periodStart } from "./period.ts";

function startOf(key: string): number {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new Error(`not a canonical period: ${key}`);
  return periodStart(parsed.period).getTime();
}

/**
 * The newest new value per indicator and every correction, in the order given. "Newest" is the latest
 * period start, the first given on a tie: an indicator whose frequency changed can have "2024" and
 * "2024-01" (the same start). src/store/changeQueries.ts selects the same in SQL (a test compares them).
 */
export function newsworthy<T extends NewsCandidate>(changes: readonly T[]): T[] {
  const newest = new Map<string, { period: string; start: number }>();
  for (const change of changes) {
    if (change.correctedFrom !== undefined) continue;
    const start = startOf(change.period);
    const best = newest.get(change.indicatorId);
    if (!best || start > best.start) newest.set(change.indicatorId, { period: change.period, start });
  }
  return changes.filter((c) => c.correctedFrom !== undefined || newest.get(c.indicatorId)?.period === c.period);
}

/**
 * What newsworthy() needs of a change: an IndicatorChange, or the record an import keeps
 * (changeRecord.ts), so that an import announces without building all its changes first. A correction
 * is a change with `correctedFrom` (IndicatorChange's kind "correction" is exactly that).
 */
export type NewsCandidate = Pick<IndicatorChange, "indicatorId" | "period" | "correctedFrom">;

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
