/**
 * Chart rendering end to end with the real vega, vega-lite and resvg: Dutch text in the SVG,
 * a 2× PNG with drawn content, thrown dataflow errors, and flat memory over many renders.
 */
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { CHART_WIDTH, vegaChartRenderer } from "../../src/charts/index.ts";
import { renderChartPng, renderChartSvg, renderSpecSvg } from "../../src/charts/renderChart.ts";
import { buildChartData } from "../support/factories.ts";

const yearly = buildChartData({
  title: "Jongeren met jeugdhulp",
  unit: "%",
  lang: "nl",
  points: [
    { period: "2020", value: 11.2 },
    { period: "2021", value: 11.9 },
    { period: "2022", value: 12.4 },
    { period: "2023", value: 12.9 },
    { period: "2024", value: 12.5 },
  ],
  target: { period: "2026", value: 10 },
  baseline: { period: "2020", value: 11.2 },
});

const quarterly = buildChartData({
  title: "Bijstandsuitkeringen",
  unit: "per 1.000 inwoners",
  lang: "nl",
  points: ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"].map((period, i) => ({ period, value: 31.5 - i * 0.7 })),
  target: { period: "2026", value: 28.5 },
});

/** Width and height from the PNG's IHDR chunk (bytes 16-23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("chart rendering", () => {
  it("renders an SVG with the title, Dutch target label and decimal commas", async () => {
    const svg = await renderChartSvg(yearly);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Jongeren met jeugdhulp");
    expect(svg).toContain("streefwaarde 10% (2026)");
    expect(svg).toContain("referentiewaarde 11,2% (2020)");
    expect(svg).toContain('font-family="Arimo, Arial, Helvetica, sans-serif"');
    expect(svg).toContain('role="img" aria-label="Lijngrafiek: Jongeren met jeugdhulp, 2020 t/m 2024"');
    expect(svg).not.toContain("…"); // real text metrics: nothing truncated
  });

  it("writes fractional axis labels with a decimal comma", async () => {
    const narrow = await renderChartSvg({ ...yearly, points: yearly.points.map((p, i) => ({ ...p, value: 12.1 + i * 0.2 })), target: undefined, baseline: undefined });
    expect(narrow).toMatch(/>12,\d%<\/text>/);
    const euros = await renderChartSvg({ ...yearly, unit: "€", points: [{ period: "2023", value: 14_250 }, { period: "2024", value: 16_480 }], target: undefined, baseline: undefined });
    expect(euros).toMatch(/>€\u00a016\.\d00<\/text>/);
  });

  it("escapes the title and labels quarters as K1 2024", async () => {
    const svg = await renderChartSvg({ ...quarterly, title: "Kosten & baten <Wmo>" });
    expect(svg).toContain("Kosten &amp; baten &lt;Wmo&gt;");
    expect(svg).toContain(">K1 2024<");
    expect(svg).toContain("streefwaarde 28,5 (2026)");
    expect(svg).toContain("per 1.000 inwoners");
  });

  it("renders a 2× PNG with content", async () => {
    const png = await renderChartPng(yearly);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const { width, height } = pngSize(png);
    expect(width).toBe(2 * CHART_WIDTH);
    expect(height).toBeGreaterThan(2 * 240);
    expect(height).toBeLessThan(2 * 400);
    // A blank white 1120×~640 PNG compresses to a few KB; text and lines make it tens of KB.
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("honours the scale option", async () => {
    expect(pngSize(await renderChartPng(yearly, { scale: 1 })).width).toBe(CHART_WIDTH);
  });

  it("renders a quarterly series and a single point through the port", async () => {
    const png = await vegaChartRenderer.png(quarterly);
    expect(pngSize(png).width).toBe(2 * CHART_WIDTH);
    const single = await vegaChartRenderer.svg(buildChartData({ title: "Kosten Wmo per cliënt", unit: "€", lang: "nl", points: [{ period: "2024", value: 4850 }] }));
    expect(single).toContain("Kosten Wmo per cliënt");
    expect(single).toMatch(/€\u00a04\.800/);
    expect(pngSize(await vegaChartRenderer.png({ ...quarterly, points: [{ period: "2024-Q3", value: 30 }] })).width).toBe(2 * CHART_WIDTH);
  });

  it("throws vega dataflow errors instead of logging them", async () => {
    // Compiles and parses fine; fails only inside the dataflow (undefined.deeper).
    const broken: TopLevelSpec = {
      data: { values: [{ a: 1 }] },
      transform: [{ calculate: "datum.missing.deeper", as: "b" }],
      mark: "point",
      encoding: { x: { field: "b", type: "quantitative" } },
    };
    await expect(renderSpecSvg(broken)).rejects.toThrow(/chart rendering failed/);
  });

  it("does not grow memory over 30 renders", async () => {
    await renderChartPng(yearly); // warm up: libraries and fonts loaded
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 30; i++) {
      const png = await renderChartPng({ ...yearly, points: yearly.points.map((p) => ({ ...p, value: p.value + i / 10 })) });
      expect(png.length).toBeGreaterThan(10_000);
    }
    const grownMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    console.info(`chart memory: RSS grew ${grownMb.toFixed(1)} MB over 30 PNG renders`);
    expect(grownMb).toBeLessThan(150);
  });
});
