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
import { chartConfig, seriesLayers } from "./chartSpec.ts";
import { parseSeriesPeriod, timeAxis } from "./timeAxis.ts";
import { valueDomain } from "./valueScale.ts";

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
    config: chartConfig(data.lang, { fontSize: 13, offset: 8, limit: SMALL_CHART_WIDTH - PADDING.left - PADDING.right }, 11),
    data: { values },
    ...seriesLayers({ axis, ticks, yDomain, unit: data.unit, yTicks: 3, size: "small" }),
  };
}
