/**
 * The chart port: turns an indicator series into an image. Chat adapters post the PNG,
 * the web report inlines the SVG. Implemented by src/charts (vegaChartRenderer).
 */
import type { ChartData } from "./messages/message.ts";

export interface ChartRenderer {
  /** A PNG at 2× for sharp display on high-density screens. */
  png(data: ChartData): Promise<Buffer>;
  /** A standalone SVG document (text as text, so it stays accessible and searchable). */
  svg(data: ChartData): Promise<string>;
}
