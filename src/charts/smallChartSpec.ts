/**
 * The Vega-Lite spec of one small multiple: a breakdown's category over time, drawn small beside the
 * other categories on the same x axis and y scale (ChartData.small), so they compare at a glance.
 * One series per chart, named in its title: nothing to tell apart by colour. A hidden cell (the
 * small-number rule) is not in the data at all: the line breaks there and no point is drawn.
 * Pure, like chartSpec.ts.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartData } from "../app/messages/message.ts";
import { formatPeriod, periodStart } from "../domain/period.ts";
import { CHART_COLORS, CHART_FONT } from "./chartSpec.ts";
import { chartLocale } from "./locale.ts";
import { parseSeriesPeriod, TIME_UNIT, timeAxis } from "./timeAxis.ts";
import { valueDomain, yLabelExpr } from "./valueScale.ts";

/** The whole small image: three fit side by side in the web's and the report's text column. */
export const SMALL_CHART_WIDTH = 210;
export const SMALL_CHART_HEIGHT = 96;

const PADDING = { left: 6, right: 10, top: 6, bottom: 4 };

const TEXT = {
  nl: { description: "Lijngrafiek", to: "t/m" },
  en: { description: "Line chart", to: "to" },
} as const;

export function smallChartSpec(data: ChartData & { small: NonNullable<ChartData["small"]> }): TopLevelSpec {
  const periods = data.small.periods.map(parseSeriesPeriod);
  const axis = timeAxis(periods, data.lang);
  const byKey = new Map(data.points.map((p) => [p.period, p.value]));
  // Every period of the set is a row; one without a shown value is null, so the line breaks there.
  const values = axis.periods.map((p) => ({ date: periodStart(p).toISOString(), value: byKey.get(p.key) ?? null }));
  // The same input for every chart of the set (its shown extremes), hence the same y domain.
  const [lo, hi] = data.small.scale;
  const yDomain = valueDomain({ title: "", unit: data.unit, lang: data.lang, points: [{ period: "", value: lo }, { period: "", value: hi }] });
  const timeUnit = TIME_UNIT[axis.kind];
  // Only the first and last period are labelled: more do not fit at this width.
  const ticks = [...new Set([periodStart(axis.periods[0]!).getTime(), periodStart(axis.periods.at(-1)!).getTime()])];
  const first = formatPeriod(periods[0]!, data.lang);
  const last = formatPeriod(periods.at(-1)!, data.lang);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${TEXT[data.lang].description}: ${data.title}, ${first === last ? first : `${first} ${TEXT[data.lang].to} ${last}`}`,
    title: { text: data.title },
    width: SMALL_CHART_WIDTH,
    height: SMALL_CHART_HEIGHT,
    autosize: { type: "fit-x", contains: "padding" },
    padding: PADDING,
    background: "white",
    config: {
      locale: chartLocale(data.lang),
      font: CHART_FONT,
      view: { stroke: null },
      title: { anchor: "start", fontSize: 13, fontWeight: "bold", color: CHART_COLORS.text, offset: 8, limit: SMALL_CHART_WIDTH - PADDING.left - PADDING.right },
      axis: {
        labelFontSize: 11,
        labelColor: CHART_COLORS.muted,
        title: null,
        domainColor: CHART_COLORS.axis,
        tickColor: CHART_COLORS.axis,
        gridColor: CHART_COLORS.grid,
      },
    },
    data: { values },
    encoding: {
      x: {
        field: "date",
        type: "temporal",
        ...(timeUnit ? { timeUnit } : {}),
        scale: { type: "utc", domain: axis.domain },
        axis: { values: ticks, format: axis.format, grid: false, labelAngle: 0, labelOverlap: true, labelPadding: 4, tickSize: 3 },
      },
      y: {
        field: "value",
        type: "quantitative",
        scale: { domain: yDomain, nice: false, zero: false },
        axis: { labelExpr: yLabelExpr(data.unit), tickCount: 3, domain: false, ticks: false, labelPadding: 4 },
      },
    },
    layer: [
      { mark: { type: "line", color: CHART_COLORS.series, strokeWidth: 2, strokeJoin: "round", strokeCap: "round" } },
      { mark: { type: "point", filled: true, size: 30, color: CHART_COLORS.series, opacity: 1, stroke: "white", strokeWidth: 1 } },
    ],
  };
}
