/**
 * The DIN report as a document format, used by the CLI and the HTTP server alike (like src/charts):
 * the HTML renderer behind the ReportRenderer port, drawing charts through the chart port.
 */
import type { ChartRenderer } from "../app/charts.ts";
import type { ReportRenderer } from "../app/report/ports.ts";
import { renderReportHtml } from "./document.ts";

export { renderReportHtml, chartDataOf } from "./document.ts";

export function htmlReportRenderer(charts: ChartRenderer): ReportRenderer {
  return { html: (model, lang, status) => renderReportHtml(model, lang, status, charts) };
}
