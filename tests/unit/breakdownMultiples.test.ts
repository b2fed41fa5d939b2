// Proves the small multiples of a breakdown (issue #21): one chart per category over the same periods and
// y scale; per period the small-number rule with secondary suppression decides what is drawn, and a hidden
// cell reaches no point, no scale, no text alternative and no rendered SVG (the public SVG is the very
// one drawn from data in which the hidden cells never existed); one period gives no multiples.
import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import { renderMultiples, smallMultiples, type SmallMultiples } from "../../src/app/breakdownCharts.ts";
import { breakdownHistory, shownBreakdown, type ShownBreakdown } from "../../src/domain/breakdown.ts";
import type { SeriesValue } from "../../src/domain/comparison.ts";
import type { Audience } from "../../src/domain/format.ts";
import { smallChartSpec } from "../../src/charts/smallChartSpec.ts";
import { vegaChartRenderer } from "../../src/charts/index.ts";
import type { ChartData } from "../../src/app/messages/message.ts";
import { buildIndicator } from "../support/factories.ts";

const meldingen = buildIndicator({ id: "m", unit: "aantal", count: true });
const cell = (period: string, category: string, value: number): SeriesValue => ({ indicatorId: "m", period, value, dimension: "wijk", category });

// 2022: West 3 is small, Noord 27 (the smallest shown) hides with it; 2023: Noord 6 small, West 28 with it.
const WIJKEN: Record<string, number[]> = { Oost: [40, 42, 45, 50], West: [30, 3, 28, 31], Noord: [25, 27, 6, 22], Zuid: [60, 61, 66, 64] };
const PERIODS = ["2021", "2022", "2023", "2024"];
const HIDDEN_PUBLIC = [3, 27, 6, 28];
const values: SeriesValue[] = [
  // Stored newest first and mixed, with the total, another dimension and a comparison area's breakdown beside it.
  ...[...PERIODS].reverse().flatMap((p) => Object.entries(WIJKEN).map(([w, v]) => cell(p, w, v[PERIODS.indexOf(p)]!))),
  { indicatorId: "m", period: "2024", value: 167 },
  { indicatorId: "m", period: "2024", value: 80, dimension: "leeftijd", category: "0-17" },
  { indicatorId: "m", period: "2023", value: 5, dimension: "wijk", category: "Oost", area: "Laren" },
];

const history = (audience: Audience, from = values): ShownBreakdown[] => breakdownHistory("m", from, "wijk").map((b) => shownBreakdown(b, meldingen, audience));
const multiples = (audience: Audience, from = values): SmallMultiples => smallMultiples(history(audience, from), { unit: "aantal", smallNumbers: 10 }, "nl")!;
const chartOf = (set: SmallMultiples, category: string): ChartData => set.multiples.find((m) => m.category === category)!.chart;

describe("a breakdown over time", () => {
  it("groups one dimension of the municipality's own cells per period, oldest first", () => {
    const h = breakdownHistory("m", values, "wijk");
    expect(h.map((b) => b.period)).toEqual(PERIODS);
    expect(h[1]!.cells).toEqual([{ category: "Oost", value: 42 }, { category: "West", value: 3 }, { category: "Noord", value: 27 }, { category: "Zuid", value: 61 }]);
    expect(breakdownHistory("m", values, "leeftijd").map((b) => b.period)).toEqual(["2024"]);
  });
});

describe("small multiples", () => {
  it("draws one chart per category on the same periods and the same y scale", () => {
    const set = multiples("intern");
    expect(set.dimension).toBe("wijk");
    expect(set.periods).toEqual(PERIODS);
    expect(set.multiples.map((m) => m.category)).toEqual(["Oost", "West", "Noord", "Zuid"]);
    for (const m of set.multiples) expect(m.chart.small).toEqual({ periods: PERIODS, scale: [3, 66] });
    expect(chartOf(set, "West").points).toEqual(PERIODS.map((period, i) => ({ period, value: WIJKEN["West"]![i]! })));
    expect(set.multiples[1]!.alt).toBe("West: 2021 30, 2022 3, 2023 28, 2024 31");
  });

  it("leaves every hidden cell out per period, secondary suppression included, for guests and the public", () => {
    const set = multiples("extern");
    expect(chartOf(set, "West").points).toEqual([{ period: "2021", value: 30 }, { period: "2024", value: 31 }]);
    expect(chartOf(set, "Noord").points).toEqual([{ period: "2021", value: 25 }, { period: "2024", value: 22 }]);
    expect(chartOf(set, "Oost").points).toHaveLength(4);
    // The scale is that of the values shown: a hidden 3 does not stretch it.
    expect(chartOf(set, "Oost").small?.scale).toEqual([22, 66]);
    expect(set.multiples.map((m) => m.alt)).toEqual([
      "Oost: 2021 40, 2022 42, 2023 45, 2024 50",
      "West: 2021 30, 2022 niet getoond, 2023 niet getoond, 2024 31",
      "Noord: 2021 25, 2022 niet getoond, 2023 niet getoond, 2024 22",
      "Zuid: 2021 60, 2022 61, 2023 66, 2024 64",
    ]);
    const json = JSON.stringify(set);
    for (const v of HIDDEN_PUBLIC) expect(json).not.toMatch(new RegExp(`\\b${v}\\b(?!\\d)`));
  });

  it("gives no multiples for one period (the table suffices), and says when a category has no figure or nothing to show", () => {
    expect(smallMultiples(history("extern").slice(-1), { unit: "aantal" }, "nl")).toBeUndefined();
    const later = [...values, cell("2025", "Oost", 51), cell("2025", "West", 2), cell("2025", "Zuid", 70)];
    const set = smallMultiples(history("extern", later.filter((v) => !(v.category === "Noord" && (v.period === "2021" || v.period === "2024")))), { unit: "aantal", smallNumbers: 10 }, "en")!;
    expect(set.multiples.map((m) => m.category)).toEqual(["Oost", "West", "Zuid", "Noord"]);
    expect(set.multiples[3]!.alt).toBe("Noord: no value to show; 2021 no figure, 2022 not shown, 2023 not shown, 2024 no figure, 2025 no figure");
  });

  it("builds a small spec Vega-Lite compiles without warnings: null rows where hidden, first and last period labelled, one y domain", () => {
    const set = multiples("extern");
    const specs = set.multiples.map((m) => smallChartSpec({ ...m.chart, small: m.chart.small! }) as unknown as SmallSpec);
    expect(new Set(specs.map((s) => JSON.stringify(s.encoding.y.scale.domain))).size).toBe(1);
    expect(specs[0]!.encoding.y.scale.domain).toEqual([10, 80]); // the nice domain of the shown 22 … 66
    expect(specs[1]!.data.values.map((r) => r.value)).toEqual([30, null, null, 31]);
    expect(specs[1]!.encoding.x.axis.values).toEqual([Date.UTC(2021, 0, 1), Date.UTC(2024, 0, 1)]);
    expect(specs[1]!.description).toBe("Lijngrafiek: West, 2021 t/m 2024");
    const warnings: string[] = [];
    const logger = { level: () => logger, warn: (...a: unknown[]) => (warnings.push(a.join(" ")), logger), error: (...a: unknown[]) => (warnings.push(a.join(" ")), logger), info: () => logger, debug: () => logger };
    compile(smallChartSpec({ ...set.multiples[1]!.chart, small: set.multiples[1]!.chart.small! }), { logger: logger as never });
    expect(warnings).toEqual([]);
  });

  it("renders the public SVGs exactly as if the hidden cells had never existed; the internal ones differ", async () => {
    const drawn = await renderMultiples(vegaChartRenderer, multiples("extern"));
    const hiddenAway = values.filter((v) => !(v.category === "West" && (v.period === "2022" || v.period === "2023")) && !(v.category === "Noord" && (v.period === "2022" || v.period === "2023")));
    const without = await renderMultiples(vegaChartRenderer, multiples("extern", hiddenAway));
    expect(drawn.charts.map((c) => c.svg)).toEqual(without.charts.map((c) => c.svg));
    const west = drawn.charts[1]!;
    expect(west.svg).toMatch(/^<svg[^>]* role="img" aria-label="Lijngrafiek: West, 2021 t\/m 2024">/);
    const texts = [...west.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(["West", "2021", "2024"]));
    for (const v of HIDDEN_PUBLIC) expect(texts).not.toContain(String(v));
    const internal = await renderMultiples(vegaChartRenderer, multiples("intern"));
    expect(internal.charts[1]!.svg).not.toBe(west.svg);
  });
});

interface SmallSpec {
  description: string;
  data: { values: { value: number | null }[] };
  encoding: { x: { axis: { values: number[] } }; y: { scale: { domain: [number, number] } } };
}
