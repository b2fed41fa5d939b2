/**
 * Charts: the Vega-Lite implementation of the ChartRenderer port.
 * Importing is cheap; vega, vega-lite and resvg load on the first render.
 */
import type { ChartRenderer } from "../app/charts.ts";
import { renderChartPng, renderChartSvg } from "./renderChart.ts";

export { chartSpec, CHART_HEIGHT, CHART_WIDTH } from "./chartSpec.ts";
export { smallChartSpec, SMALL_CHART_HEIGHT, SMALL_CHART_WIDTH } from "./smallChartSpec.ts";
export { loadChartEngine, renderChartPng, renderChartSvg } from "./renderChart.ts";

export const vegaChartRenderer: ChartRenderer = {
  png: (data) => renderChartPng(data),
  svg: (data) => renderChartSvg(data),
};
