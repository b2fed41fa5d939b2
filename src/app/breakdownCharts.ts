/**
 * Small multiples of a breakdown (issue #21): one small chart per category of a dimension over time,
 * every chart on the same periods and the same y scale. Built only from breakdowns that went through
 * the one small-number rule (shownBreakdown, per period, with secondary suppression): a hidden cell has
 * no value here, so no chart, scale or text alternative can hold it. Faces (the web's indicator page,
 * the report) render them through the chart port with `renderMultiples`.
 * One period only: no multiples (there is no "over time"; the table says it all).
 */
import type { ShownBreakdown } from "../domain/breakdown.ts";
import { formatValue, type Lang } from "../domain/format.ts";
import type { ChartRenderer } from "./charts.ts";
import type { ChartData } from "./messages/message.ts";
import { formatPeriodKey } from "./sessions/periods.ts";

/** Newest periods drawn: more do not read at the small size (the table has the newest period in full). */
export const MULTIPLE_PERIODS = 12;

export interface SmallMultiple {
  category: string;
  chart: ChartData;
  /** The text alternative: every period's value, or why it is not shown. */
  alt: string;
}

export interface SmallMultiples {
  dimension: string;
  /** The periods every chart spans, oldest first (at least two). */
  periods: string[];
  multiples: SmallMultiple[];
}

/** Drawn: an SVG per category, for a face to lay out in a grid. */
export interface RenderedMultiples {
  dimension: string;
  periods: string[];
  charts: { category: string; svg: string; alt: string }[];
}

const TEXT = {
  nl: { hidden: "niet getoond", none: "geen cijfer", allHidden: "geen waarde te tonen" },
  en: { hidden: "not shown", none: "no figure", allHidden: "no value to show" },
} as const;

/**
 * The small multiples of one dimension from its shown breakdowns (oldest first, as breakdownHistory
 * gives them, each through shownBreakdown). `smallNumbers`: the limit, for "< 10" in the text alternative.
 */
export function smallMultiples(history: readonly ShownBreakdown[], indicator: { unit: string; smallNumbers?: number }, lang: Lang): SmallMultiples | undefined {
  const shown = history.slice(-MULTIPLE_PERIODS);
  const newest = shown.at(-1);
  if (!newest || shown.length < 2) return undefined;
  const periods = shown.map((b) => b.period);
  // The newest period's order (the table's), then categories that only earlier periods have.
  const categories = [...new Set([...newest.cells, ...shown.flatMap((b) => b.cells)].map((c) => c.category))];
  const visible = shown.flatMap((b) => b.cells.flatMap((c) => ("value" in c ? [c.value] : [])));
  const scale: [number, number] = visible.length > 0 ? [Math.min(...visible), Math.max(...visible)] : [0, 1];
  const t = TEXT[lang];
  const value = (v: number) => formatValue(v, indicator.unit, lang, { audience: "intern" });
  const multiples = categories.map((category): SmallMultiple => {
    const cells = shown.map((b) => ({ period: b.period, cell: b.cells.find((c) => c.category === category) }));
    const points = cells.flatMap(({ period, cell }) => (cell && "value" in cell ? [{ period, value: cell.value }] : []));
    const words = cells.map(({ period, cell }) => {
      // Every hidden cell reads the same: telling the small ones from the ones hidden to protect them
      // would say which hidden cell is small and narrow it down (total − shown − the others ≥ the limit).
      const text = !cell ? t.none : "value" in cell ? value(cell.value) : t.hidden;
      return `${formatPeriodKey(period, lang)} ${text}`;
    });
    const alt = `${category}: ${points.length === 0 ? `${t.allHidden}; ` : ""}${words.join(", ")}`;
    return { category, chart: { title: category, unit: indicator.unit, lang, points, small: { periods, scale } }, alt };
  });
  return { dimension: newest.dimension, periods, multiples };
}

/** Draws the multiples one by one (the chart engine is single-threaded anyway). */
export async function renderMultiples(charts: ChartRenderer, set: SmallMultiples): Promise<RenderedMultiples> {
  const drawn: RenderedMultiples["charts"] = [];
  for (const m of set.multiples) drawn.push({ category: m.category, svg: await charts.svg(m.chart), alt: m.alt });
  return { dimension: set.dimension, periods: set.periods, charts: drawn };
}
