/**
 * A cheap ChartRenderer for e2e tests that are not about charts (issue #14): vega → SVG → PNG costs
 * about 19 s of the suite's CPU. It still takes every chart the app asks for and gives a valid image:
 * a 1×1 PNG, and an SVG carrying the chart's title and values as text, so a page that shows a chart
 * can be checked. The real renderer stays in tests/integration/chartRender.test.ts, chatPort.test.ts,
 * and in one e2e file per face: slackRootRace (Slack uploads), teamsCharts (Teams links),
 * webWorkspace (the web page) and cliHuizen (the CLI's edition, with the comparison areas' lines).
 */
import type { ChartRenderer } from "../../src/app/charts.ts";
import type { ChartData } from "../../src/app/messages/message.ts";

const ONE_PIXEL_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Counts what it drew, so a test can see that charts were asked for. */
export function cheapChartRenderer(): ChartRenderer & { drawn: ChartData[] } {
  const drawn: ChartData[] = [];
  return {
    drawn,
    png: async (data) => {
      drawn.push(data);
      return Buffer.from(ONE_PIXEL_PNG);
    },
    svg: async (data) => {
      drawn.push(data);
      const values = data.points.map((p) => `${p.period}: ${p.value}`).join(", ");
      return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="1" height="1"><title>${escapeXml(data.title)}</title><desc>${escapeXml(values)}</desc></svg>`;
    },
  };
}
