/**
 * The chart spec: annotation layers only when given, locale, time unit per period kind,
 * a y domain that shows the target, and a spec that Vega-Lite compiles without warnings.
 */
import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import type { ChartData } from "../../src/app/messages/message.ts";
import { annotationLabel, chartSpec } from "../../src/charts/chartSpec.ts";
import { niceDomain } from "../../src/charts/valueScale.ts";
import { buildChartData } from "../support/factories.ts";

/** The parts of the spec the tests look at; the real type is a deep union. */
interface Layer {
  data?: { values: Record<string, unknown>[] };
  mark?: { type: string; strokeDash?: number[] };
  layer?: Layer[];
  encoding?: {
    x?: { timeUnit?: string; scale?: { type?: string; domain?: number[] }; axis?: { values?: number[]; format?: string } };
    y?: { scale?: { domain?: [number, number] }; axis?: { labelExpr?: string } };
  };
}
interface Spec {
  layer: Layer[];
  config: { locale: { number: { decimal: string; thousands: string; currency: string[] }; time: { shortMonths: string[] } } };
  title: { text: string | string[]; subtitle?: string };
  description: string;
}

const view = (data: ChartData) => chartSpec(data) as unknown as Spec;

const annotationLayers = (spec: Spec) => spec.layer.filter((l) => l.data?.values.some((v) => "label" in v));
const ruleOf = (layer: Layer) => layer.layer?.find((l) => l.mark?.type === "rule");
const series = (spec: Spec) => {
  const layer = spec.layer[0];
  if (!layer) throw new Error("no series layer");
  return layer;
};

function warningsOf(data: ChartData): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
    error: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
    info: () => logger,
    debug: () => logger,
  };
  compile(chartSpec(data), { logger: logger as never });
  return warnings;
}

describe("chartSpec", () => {
  it("draws comparison areas as grey lines told apart by dash, marker and a direct label, widening the y domain; compiles cleanly", () => {
    const data = buildChartData({
      unit: "%",
      points: [{ period: "2016", value: 14 }, { period: "2019", value: 27.4 }],
      comparisons: [
        { label: "Noord-Holland", points: [{ period: "2016", value: 23.9 }, { period: "2019", value: 35.4 }, { period: "2030", value: 99 }] },
        { label: "Nederland", points: [{ period: "2016", value: 23 }, { period: "2019", value: 32 }] },
      ],
    });
    const spec = view(data);
    const lines = spec.layer.filter((l) => l.layer?.some((m) => m.mark?.type === "line") && l !== spec.layer[0]);
    expect(lines.map((l) => l.layer?.find((m) => m.mark?.type === "line")?.mark?.strokeDash)).toEqual([[6, 3], [2, 3]]);
    const shapes = lines.map((l) => (l.layer?.find((m) => m.mark?.type === "point")?.mark as { shape?: string }).shape);
    expect(new Set(shapes).size).toBe(2);
    // A period off the municipality's axis (2030) is not drawn; each name is written once, at its last point.
    expect(lines[0]?.data?.values.map((v) => v.value)).toEqual([23.9, 35.4]);
    const labels = spec.layer.filter((l) => l.layer?.some((m) => m.mark?.type === "text")).map((l) => l.data?.values[0]);
    expect(labels).toEqual([expect.objectContaining({ label: "Noord-Holland", value: 35.4 }), expect.objectContaining({ label: "Nederland", value: 32 })]);
    expect(series(spec).encoding?.y?.scale?.domain?.[1]).toBeGreaterThanOrEqual(35.4);
    expect(warningsOf(data)).toEqual([]);
  });

  it("has only the series layer without target and baseline", () => {
    const spec = view(buildChartData({ title: "Jongeren met jeugdhulp" }));
    expect(spec.layer).toHaveLength(1);
    expect(annotationLayers(spec)).toEqual([]);
    expect(spec.title.text).toBe("Jongeren met jeugdhulp");
  });

  it("adds a dashed target layer with its own data and a Dutch label", () => {
    const spec = view(buildChartData({ unit: "%", lang: "nl", target: { period: "2026", value: 10 } }));
    const layers = annotationLayers(spec);
    expect(layers).toHaveLength(1);
    expect(layers[0]?.data?.values).toEqual([{ value: 10, label: "streefwaarde 10% (2026)", kind: "target" }]);
    expect(ruleOf(layers[0] ?? {})?.mark?.strokeDash).toEqual([7, 4]);
  });

  it("adds a dotted baseline layer only when a baseline is given", () => {
    const spec = view(buildChartData({ unit: "%", lang: "nl", baseline: { period: "2020", value: 12.1 }, target: { period: "2026", value: 10 } }));
    const layers = annotationLayers(spec);
    expect(layers.map((l) => l.data?.values[0]?.kind).sort()).toEqual(["baseline", "target"]);
    const baseline = layers.find((l) => l.data?.values[0]?.kind === "baseline");
    expect(baseline?.data?.values[0]?.label).toBe("referentiewaarde 12,1% (2020)");
    expect(ruleOf(baseline ?? {})?.mark?.strokeDash).toEqual([2, 3]);
  });

  it("uses the Dutch locale: decimal comma, thousands dot, euro, Dutch month names", () => {
    const { locale } = view(buildChartData({ lang: "nl" })).config;
    expect(locale.number.decimal).toBe(",");
    expect(locale.number.thousands).toBe(".");
    expect(locale.number.currency[0]).toBe("€\u00a0");
    expect(locale.time.shortMonths[2]).toBe("mrt");
    expect(view(buildChartData({ lang: "en" })).config.locale.number.decimal).toBe(".");
  });

  it("formats y labels per unit", () => {
    expect(series(view(buildChartData({ unit: "%" }))).encoding?.y?.axis?.labelExpr).toBe("format(datum.value, ',.2~f') + '%'");
    expect(series(view(buildChartData({ unit: "€" }))).encoding?.y?.axis?.labelExpr).toContain("'$,.2~f'");
    const other = view(buildChartData({ unit: "per 1.000 inwoners" }));
    expect(other.title.subtitle).toBe("per 1.000 inwoners");
    expect(view(buildChartData({ unit: "aantal" })).title.subtitle).toBeUndefined();
  });

  it("formats annotation labels like the messages", () => {
    const data = buildChartData({ unit: "€", lang: "nl" });
    expect(annotationLabel(data, "target", { period: "2026", value: 4500 })).toBe("streefwaarde € 4.500 (2026)");
    expect(annotationLabel({ ...data, unit: "%", lang: "en" }, "baseline", { period: "2024-Q1", value: 12.5 })).toBe(
      "baseline 12.5% (Q1 2024)",
    );
    // Other units are named in the subtitle, so the label stays short.
    expect(annotationLabel({ ...data, unit: "per 1.000 inwoners" }, "target", { period: "2026", value: 28.5 })).toBe(
      "streefwaarde 28,5 (2026)",
    );
  });

  it.each([
    ["year", ["2023", "2024"], "utcyear", "%Y"],
    ["quarter", ["2024-Q1", "2024-Q2"], "utcyearquarter", "K%q %Y"],
    ["month", ["2024-02", "2024-03"], "utcyearmonth", "%b %Y"],
    ["week", ["2024-W11", "2024-W12"], undefined, "wk %-V %G"],
  ])("uses the right time unit for %s periods", (_kind, keys, timeUnit, format) => {
    const spec = view(buildChartData({ lang: "nl", points: keys.map((period, i) => ({ period, value: i })) }));
    const x = series(spec).encoding?.x;
    expect(x?.timeUnit).toBe(timeUnit);
    expect(x?.scale?.type).toBe("utc");
    expect(x?.axis?.format).toBe(format);
  });

  it("puts the x values at the UTC period start, with a null row for a missing period", () => {
    const spec = view(buildChartData({ points: [{ period: "2024-W01", value: 3 }, { period: "2024-W03", value: 5 }] }));
    expect(series(spec).data?.values).toEqual([
      { date: "2024-01-01T00:00:00.000Z", value: 3 },
      { date: "2024-01-08T00:00:00.000Z", value: null },
      { date: "2024-01-15T00:00:00.000Z", value: 5 },
    ]);
  });

  it("thins x ticks to round periods", () => {
    const points = Array.from({ length: 30 }, (_, i) => ({
      period: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      value: i,
    }));
    const ticks = series(view(buildChartData({ points }))).encoding?.x?.axis?.values ?? [];
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.map((t) => new Date(t).getUTCMonth())).toEqual([0, 6, 0, 6, 0]);
  });

  it("widens the y domain to include a target far from the data", () => {
    const points = [{ period: "2023", value: 11.2 }, { period: "2024", value: 12.9 }];
    const [lo, hi] = series(view(buildChartData({ points, target: { period: "2026", value: 30 } }))).encoding?.y?.scale?.domain ?? [NaN, NaN];
    expect(lo).toBeLessThanOrEqual(11.2);
    expect(hi).toBeGreaterThanOrEqual(30);
    const [lo2] = series(view(buildChartData({ points, baseline: { period: "2015", value: 2 } }))).encoding?.y?.scale?.domain ?? [NaN];
    expect(lo2).toBeLessThanOrEqual(2);
  });

  it("makes the y domain nice like d3", () => {
    expect(niceDomain(0.88, 2.12, 5)).toEqual([0.8, 2.2]);
    expect(niceDomain(9.6, 13.5, 5)).toEqual([9, 14]);
    expect(niceDomain(-47, 31, 5)).toEqual([-60, 40]);
  });

  it("handles a single point", () => {
    const spec = view(buildChartData({ title: "Jongeren met jeugdhulp", lang: "nl", points: [{ period: "2024", value: 4850 }], unit: "€" }));
    const x = series(spec).encoding?.x;
    const [d0 = 0, d1 = 0] = x?.scale?.domain ?? [];
    expect(d0).toBeLessThan(Date.UTC(2024, 0, 1));
    expect(d1).toBeGreaterThan(Date.UTC(2024, 0, 1));
    expect(x?.axis?.values).toEqual([Date.UTC(2024, 0, 1)]);
    expect(spec.description).toBe("Lijngrafiek: Jongeren met jeugdhulp, 2024");
  });

  it("wraps a long title onto two lines", () => {
    const title = "Percentage inwoners dat zich eenzaam voelt, naar eigen zeggen, in de leeftijd van 65 jaar en ouder";
    const text = view(buildChartData({ title })).title.text;
    expect(Array.isArray(text) ? text.join(" ") : text).toBe(title);
    expect(Array.isArray(text) && text.length).toBe(2);
  });

  it("refuses empty series, mixed period kinds and bad keys", () => {
    expect(() => chartSpec(buildChartData({ points: [] }))).toThrow(/at least one point/);
    expect(() => chartSpec(buildChartData({ points: [{ period: "2024", value: 1 }, { period: "2024-Q2", value: 2 }] }))).toThrow(
      /mixed period kinds/,
    );
    expect(() => chartSpec(buildChartData({ points: [{ period: "2024-13", value: 1 }] }))).toThrow(/invalid period/);
  });

  it("compiles without Vega-Lite warnings", () => {
    expect(warningsOf(buildChartData({ target: { period: "2026", value: 10 }, baseline: { period: "2020", value: 12.1 } }))).toEqual([]);
    expect(warningsOf(buildChartData({ points: [{ period: "2024-W12", value: 3 }], unit: "aantal" }))).toEqual([]);
  });
});
