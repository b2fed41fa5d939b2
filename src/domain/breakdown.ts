/**
 * Breakdowns ("uitsplitsing": per wijk, zorgvorm, leeftijdsgroep …) of an indicator, and the
 * small-number rule per cell. Pure; every face (chat, web, report, guest views) shows a breakdown only
 * through `shownBreakdown`, so none can show a cell another would hide.
 *
 * Primary suppression: a cell below the indicator's limit is hidden outside internal use (as
 * `isSuppressed`). Secondary suppression: the total minus the cells shown is the sum of the hidden
 * cells, so smallest shown cells are hidden too while that sum gives a small one away (see
 * `givesSmallAway`). The total itself follows the rule like any value.
 */
import { smallNumberLimit } from "./din.ts";
import type { Indicator } from "./din.ts";
import { isSuppressed } from "./format.ts";
import type { Audience } from "./format.ts";
import type { SeriesValue } from "./comparison.ts";

export interface BreakdownCell {
  category: string;
  value: number;
}

/** One dimension of an indicator at one period, the municipality's own (not a comparison area's). */
export interface Breakdown {
  dimension: string;
  period: string;
  cells: BreakdownCell[];
}

/** A cell as it may be shown: its value, or hidden because it is small ("klein") or would give a small one away ("secundair"). */
export type ShownCell = { category: string; value: number } | { category: string; hidden: "klein" | "secundair" };

export interface ShownBreakdown {
  dimension: string;
  period: string;
  cells: ShownCell[];
  /** How many cells are hidden; the faces say why ("< 10", and that one more is hidden so it cannot be computed). */
  hiddenCount: number;
}

/** The municipality's breakdowns of an indicator at a period (each dimension in the order first stored, its cells too). */
export function breakdownsAt(indicatorId: string, values: readonly SeriesValue[], period: string): Breakdown[] {
  const byDimension = new Map<string, Breakdown>();
  for (const v of values) {
    if (v.indicatorId !== indicatorId || v.period !== period || v.area || !v.dimension) continue;
    let b = byDimension.get(v.dimension);
    if (!b) byDimension.set(v.dimension, (b = { dimension: v.dimension, period, cells: [] }));
    b.cells.push({ category: v.category ?? "", value: v.value });
  }
  return [...byDimension.values()];
}

/** The newest period with a breakdown of the municipality's own, if any (canonical keys of one kind sort as text). */
export function latestBreakdownPeriod(indicatorId: string, values: readonly SeriesValue[]): string | undefined {
  return values
    .filter((v) => v.indicatorId === indicatorId && !v.area && v.dimension)
    .map((v) => v.period)
    .sort()
    .at(-1);
}

/**
 * The municipality's breakdowns of one dimension over time, oldest first, one per period with cells:
 * what small multiples draw. Each period goes through `shownBreakdown` on its own, so the secondary
 * suppression of one period never rests on another's cells.
 */
export function breakdownHistory(indicatorId: string, values: readonly SeriesValue[], dimension: string): Breakdown[] {
  const byPeriod = new Map<string, Breakdown>();
  for (const v of values) {
    if (v.indicatorId !== indicatorId || v.area || v.dimension !== dimension) continue;
    let b = byPeriod.get(v.period);
    if (!b) byPeriod.set(v.period, (b = { dimension, period: v.period, cells: [] }));
    b.cells.push({ category: v.category ?? "", value: v.value });
  }
  // Canonical keys of one kind sort as text, and an indicator has one frequency.
  return [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** Applies the small-number rule per cell, with secondary suppression, for an audience. */
export function shownBreakdown(breakdown: Breakdown, indicator: Pick<Indicator, "unit" | "count" | "smallNumbers">, audience: Audience): ShownBreakdown {
  const limit = smallNumberLimit(indicator);
  const small = breakdown.cells.map((c) => isSuppressed(c.value, audience, limit));
  const hidden: ("klein" | "secundair" | undefined)[] = small.map((s) => (s ? "klein" : undefined));
  // Hide the smallest shown cell (it gives the least away) while the hidden cells still give a small
  // one away through total − cells shown.
  while (givesSmallAway(breakdown.cells, hidden, limit)) {
    let pick = -1;
    breakdown.cells.forEach((c, i) => {
      if (hidden[i] === undefined && (pick < 0 || c.value < breakdown.cells[pick]!.value)) pick = i;
    });
    if (pick < 0) break;
    hidden[pick] = "secundair";
  }
  const cells = breakdown.cells.map((c, i): ShownCell => {
    const why = hidden[i];
    return why === undefined ? { category: c.category, value: c.value } : { category: c.category, hidden: why };
  });
  return { dimension: breakdown.dimension, period: breakdown.period, cells, hiddenCount: hidden.filter(Boolean).length };
}

/**
 * Whether total − shown cells still gives a small cell away: one hidden cell is that difference; a
 * hidden sum below the limit is a small count itself (4 + 3 = 7); and secondary cells are known to be
 * at least the limit, so a hidden sum of just their floor pins every small cell to 0 (0 + 10 = 10).
 */
function givesSmallAway(cells: readonly BreakdownCell[], hidden: readonly ("klein" | "secundair" | undefined)[], limit: number | undefined): boolean {
  const at = hidden.flatMap((h, i) => (h ? [i] : []));
  if (at.length === 0) return false;
  if (at.length === 1) return true;
  if (limit === undefined) return false;
  const sum = at.reduce((total, i) => total + cells[i]!.value, 0);
  const secondary = at.filter((i) => hidden[i] === "secundair").length;
  return sum < limit || (secondary > 0 && sum - secondary * limit <= 0);
}
