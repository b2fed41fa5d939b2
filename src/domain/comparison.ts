/**
 * The municipality beside its comparison areas (issue #21): which areas an indicator shows (its DIN's
 * `compare:`, in that order, matched by slug; an area without figures is left out, no error), their
 * values at a period ("9,3% (2024; Nederland 7,1%)") and whether the municipality moved differently.
 * Pure; every face (change posts, CLI, web, report, charts) uses these.
 */
import { areaKey } from "./area.ts";
import type { IndicatorChange } from "./changes.ts";
import { smallNumberLimit } from "./din.ts";
import type { Indicator, PeriodValue } from "./din.ts";
import { formatDelta, formatValue, isSuppressed } from "./format.ts";
import type { Audience, Lang } from "./format.ts";
import type { SeriesKey } from "./measurement.ts";

/** A stored value with its series (the municipality's total, an area, a breakdown cell). */
export interface SeriesValue extends PeriodValue, SeriesKey {
  indicatorId: string;
}

/** One comparison area's values of an indicator, oldest first. */
export interface AreaSeries {
  /** The area's name as stored ("Nederland"). */
  area: string;
  points: PeriodValue[];
}

const byPeriod = (a: PeriodValue, b: PeriodValue) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);

/** The indicator's comparison areas with figures, in the DIN's order: the areas' totals, not their breakdowns. */
export function comparisonSeries(indicator: Pick<Indicator, "id" | "compare">, values: readonly SeriesValue[]): AreaSeries[] {
  const wanted = indicator.compare ?? [];
  if (wanted.length === 0) return [];
  const byArea = new Map<string, AreaSeries>();
  for (const v of values) {
    if (v.indicatorId !== indicator.id || !v.area || v.dimension) continue;
    const key = areaKey(v.area);
    let s = byArea.get(key);
    if (!s) byArea.set(key, (s = { area: v.area, points: [] }));
    s.points.push({ period: v.period, value: v.value });
  }
  return wanted.flatMap((name) => {
    const s = byArea.get(areaKey(name));
    return s ? [{ area: s.area, points: [...s.points].sort(byPeriod) }] : [];
  });
}

/** Each area's value at the period (areas without one left out). */
export function comparisonsAt(series: readonly AreaSeries[], period: string): { area: string; value: number }[] {
  return series.flatMap((s) => {
    const p = s.points.find((x) => x.period === period);
    return p ? [{ area: s.area, value: p.value }] : [];
  });
}

/** "Nederland 7,1%, Noord-Holland 8%"; empty when no area has a value at the period. Small counts follow the indicator's rule. */
export function comparisonText(indicator: Indicator, series: readonly AreaSeries[], period: string, lang: Lang, audience: Audience): string {
  const limit = smallNumberLimit(indicator);
  return comparisonsAt(series, period)
    .map((c) => `${c.area} ${formatValue(c.value, indicator.unit, lang, { audience, smallNumbers: limit })}`)
    .join(", ");
}

const TEXT = {
  nl: {
    unlike: (area: string, how: string) => `anders dan ${area}: daar ${how}`,
    up: (d: string) => `steeg het (${d})`,
    down: (d: string) => `daalde het (${d})`,
    same: "bleef het gelijk",
  },
  en: {
    unlike: (area: string, how: string) => `unlike ${area}: there it ${how}`,
    up: (d: string) => `rose (${d})`,
    down: (d: string) => `fell (${d})`,
    same: "stayed the same",
  },
} as const;

type Movement = "up" | "down" | "same";

function movement(delta: number, unit: string, lang: Lang): Movement {
  // What the reader sees decides: a change that rounds to ±0 is "the same".
  if (formatDelta(delta, unit, lang).startsWith("±")) return "same";
  return delta > 0 ? "up" : "down";
}

/**
 * "anders dan Nederland: daar daalde het (−0,4 procentpunt)" for each area that moved the other way (or
 * stood still while the municipality moved, or the reverse) between the change's previous period and
 * its period. Nothing when a value involved is hidden by the small-number rule: the direction would tell.
 */
export function divergenceTexts(change: IndicatorChange, indicator: Indicator, series: readonly AreaSeries[], lang: Lang, audience: Audience): string[] {
  const previous = change.previous;
  if (!previous) return [];
  const limit = smallNumberLimit(indicator);
  const hidden = (v: number) => isSuppressed(v, audience, limit);
  if (hidden(change.value) || hidden(previous.value)) return [];
  const ours = movement(change.value - previous.value, indicator.unit, lang);
  const t = TEXT[lang];
  return series.flatMap((s) => {
    const now = s.points.find((p) => p.period === change.period)?.value;
    const then = s.points.find((p) => p.period === previous.period)?.value;
    if (now === undefined || then === undefined || hidden(now) || hidden(then)) return [];
    const theirs = movement(now - then, indicator.unit, lang);
    if (theirs === ours) return [];
    const delta = formatDelta(now - then, indicator.unit, lang);
    return [t.unlike(s.area, theirs === "same" ? t.same : theirs === "up" ? t.up(delta) : t.down(delta))];
  });
}
