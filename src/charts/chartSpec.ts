/**
 * The Vega-Lite spec of an indicator chart: the series as line + points over time, with
 * a dashed rule for the streefwaarde and a dotted one for the referentiewaarde.
 * Pure (no vega import, no I/O): everything locale-specific is in the spec, so the same
 * input always gives the same chart, on any server and in any time zone.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartData } from "../app/messages/message.ts";
import { isPlainCountUnit } from "../domain/din.ts";
import { formatValue } from "../domain/format.ts";
import { formatPeriod, parsePeriod, periodStart } from "../domain/period.ts";
import type { Period } from "../domain/period.ts";
import { placeLabels } from "./labelPlacement.ts";
import type { Placement } from "./labelPlacement.ts";
import { chartLocale } from "./locale.ts";
import { parseSeriesPeriod, TIME_UNIT, timeAxis } from "./timeAxis.ts";
import type { TimeAxis } from "./timeAxis.ts";
import { chartUnitKind, valueDomain, Y_TICK_COUNT, yLabelChars, yLabelExpr } from "./valueScale.ts";

/** The whole image (axes included) is this wide, so the PNG size is predictable in chat. */
export const CHART_WIDTH = 560;
/** Height of the plot area; title and x axis come on top of it. */
export const CHART_HEIGHT = 240;
/** Arimo is what the PNG renderer loads; Arial (metric-compatible) keeps inline SVG identical in browsers. */
export const CHART_FONT = "Arimo, Arial, Helvetica, sans-serif";

const PADDING = { left: 12, right: 16, top: 12, bottom: 10 };

/**
 * Okabe-Ito blue for the series; the target's vermillion is darkened to 5.5:1 on white so its
 * label passes WCAG AA. Series, target and baseline also differ in dash pattern, never by colour alone.
 */
export const CHART_COLORS = {
  series: "#0072B2",
  target: "#B34700",
  baseline: "#595959",
  text: "#1A1A1A",
  muted: "#595959",
  grid: "#E6E6E6",
  axis: "#8C8C8C",
} as const;

const TEXT = {
  nl: { target: "streefwaarde", baseline: "referentiewaarde", description: "Lijngrafiek", to: "t/m" },
  en: { target: "target", baseline: "baseline", description: "Line chart", to: "to" },
} as const;

type LayerSpec = Extract<TopLevelSpec, { layer: unknown }>["layer"][number];

type Annotation = "target" | "baseline";

export function chartSpec(data: ChartData): TopLevelSpec {
  const periods = data.points.map((p) => parseSeriesPeriod(p.period));
  const axis = timeAxis(periods, data.lang);
  const byKey = new Map(periods.map((p, i) => [p.key, data.points[i]?.value]));

  // Missing periods become null rows: the line breaks there instead of suggesting a value.
  const values = axis.periods.map((p) => ({ date: periodStart(p).toISOString(), value: byKey.get(p.key) ?? null }));

  const yDomain = valueDomain(data);
  const annotations = annotationLayers(data, axis, values, yDomain);
  const comparisons = comparisonLayers(data, axis);
  const sub = subtitle(data.unit);

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: description(data, periods),
    title: { text: wrapTitle(data.title), ...(sub ? { subtitle: sub } : {}) },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: "fit-x", contains: "padding" },
    padding: PADDING,
    background: "white",
    config: chartConfig(data.lang, { fontSize: 15, offset: 14, limit: CHART_WIDTH - PADDING.left - PADDING.right }, 12),
    layer: [
      { data: { values }, ...seriesLayers({ axis, ticks: axis.ticks, yDomain, unit: data.unit, yTicks: Y_TICK_COUNT, size: "full" }) },
      ...comparisons,
      ...annotations,
    ],
  };
}

/**
 * Comparison areas: grey lines under the municipality's, each with its own dash pattern and marker and
 * its name written at its last point, so they are told apart without colour (and without a legend).
 * Only the periods on the municipality's axis are drawn.
 */
const COMPARISON_STYLES = [
  { dash: [6, 3], shape: "square" },
  { dash: [2, 3], shape: "triangle-up" },
  { dash: [10, 3, 2, 3], shape: "diamond" },
] as const;

function comparisonLayers(data: ChartData, axis: TimeAxis): LayerSpec[] {
  const onAxis = new Set(axis.periods.map((p) => p.key));
  return (data.comparisons ?? []).slice(0, COMPARISON_STYLES.length).flatMap((c, i): LayerSpec[] => {
    const style = COMPARISON_STYLES[i]!;
    const points = c.points.filter((p) => onAxis.has(p.period)).map((p) => ({ date: periodStart(parseSeriesPeriod(p.period)).toISOString(), value: p.value, label: c.label }));
    if (points.length === 0) return [];
    const x = { field: "date", type: "temporal", scale: { type: "utc", domain: axis.domain } } as const;
    const y = { field: "value", type: "quantitative" } as const;
    const last = points.at(-1)!;
    const label = { type: "text", align: "right", baseline: "bottom", dy: -7, fontSize: 11, fontWeight: "bold" } as const;
    return [
      {
        data: { values: points },
        encoding: { x, y },
        layer: [
          { mark: { type: "line", color: CHART_COLORS.baseline, strokeWidth: 1.5, strokeDash: [...style.dash] } },
          { mark: { type: "point", shape: style.shape, filled: true, size: 36, color: CHART_COLORS.baseline, opacity: 1 } },
        ],
      },
      {
        data: { values: [last] },
        encoding: { x, y, text: { field: "label" } },
        layer: [
          // A white halo, as for the streef- and referentiewaarde labels, keeps the name readable over a line.
          { mark: { ...label, color: "white", stroke: "white", strokeWidth: 4, strokeJoin: "round" } },
          { mark: { ...label, color: CHART_COLORS.muted } },
        ],
      },
    ];
  });
}

const SERIES_SIZES = {
  full: { labelPadding: 6, tickSize: 4, strokeWidth: 2.5, point: 44 },
  small: { labelPadding: 4, tickSize: 3, strokeWidth: 2, point: 30 },
} as const;

/** The municipality's series (or a small multiple's) as line + points over the time axis, on a y domain that is already nice. */
export function seriesLayers(o: { axis: TimeAxis; ticks: number[]; yDomain: [number, number]; unit: string; yTicks: number; size: keyof typeof SERIES_SIZES }) {
  const z = SERIES_SIZES[o.size];
  const timeUnit = TIME_UNIT[o.axis.kind];
  return {
    encoding: {
      x: {
        field: "date",
        type: "temporal" as const,
        ...(timeUnit ? { timeUnit } : {}),
        // Weeks have no time unit, so UTC is asked for explicitly (a utc time unit implies it).
        scale: { type: "utc" as const, domain: o.axis.domain },
        axis: { values: o.ticks, format: o.axis.format, grid: false, labelAngle: 0, labelOverlap: true, labelPadding: z.labelPadding, tickSize: z.tickSize },
      },
      y: {
        field: "value",
        type: "quantitative" as const,
        // Already nice (see valueScale.ts); vega must not widen it, or the label placement is off.
        scale: { domain: o.yDomain, nice: false, zero: false },
        axis: { labelExpr: yLabelExpr(o.unit), tickCount: o.yTicks, domain: false, ticks: false, labelPadding: z.labelPadding },
      },
    },
    layer: [
      { mark: { type: "line" as const, color: CHART_COLORS.series, strokeWidth: z.strokeWidth, strokeJoin: "round" as const, strokeCap: "round" as const } },
      { mark: { type: "point" as const, filled: true, size: z.point, color: CHART_COLORS.series, opacity: 1, stroke: "white", strokeWidth: 1 } },
    ],
  };
}

/** Locale, font and the title and axis styles every chart shares (the small multiples too, at their sizes). */
export function chartConfig(lang: "nl" | "en", title: { fontSize: number; offset: number; limit: number }, labelFontSize: number) {
  return {
    locale: chartLocale(lang),
    font: CHART_FONT,
    view: { stroke: null },
    title: {
      anchor: "start",
      fontWeight: "bold",
      color: CHART_COLORS.text,
      subtitleFontSize: 12,
      subtitleColor: CHART_COLORS.muted,
      subtitlePadding: 4,
      ...title,
    },
    axis: {
      labelFontSize,
      labelColor: CHART_COLORS.muted,
      title: null,
      domainColor: CHART_COLORS.axis,
      tickColor: CHART_COLORS.axis,
      gridColor: CHART_COLORS.grid,
    },
  } as const;
}

/** Target and baseline layers, with their labels placed clear of the line where possible. */
function annotationLayers(
  data: ChartData,
  axis: TimeAxis,
  values: readonly { date: string; value: number | null }[],
  yDomain: [number, number],
): LayerSpec[] {
  const present = (["target", "baseline"] as const).flatMap((which) => {
    const ref = data[which];
    return ref ? [{ which, ref, label: annotationLabel(data, which, ref) }] : [];
  });
  if (present.length === 0) return [];

  // Plot pixels as vega will lay them out: exact vertically (fixed height, nice domain),
  // estimated horizontally (the y axis' label width is measured only at render time).
  const plotWidth = CHART_WIDTH - PADDING.left - PADDING.right - (yLabelChars(yDomain, data.unit) * 7 + 6);
  const [d0, d1] = axis.domain;
  const [y0, y1] = yDomain;
  const px = (t: number) => ((t - d0) / (d1 - d0)) * plotWidth;
  const py = (v: number) => CHART_HEIGHT - ((v - y0) / (y1 - y0 || 1)) * CHART_HEIGHT;
  const series = values.map((v) => ({ x: px(Date.parse(v.date)), y: v.value === null ? null : py(v.value) }));
  const placements = placeLabels(
    series,
    present.map((a) => ({ y: py(a.ref.value), text: a.label })),
    { width: plotWidth, height: CHART_HEIGHT },
  );

  // Baseline first, so the target (what the chart is about) is drawn on top.
  return present
    .map((a, i) => ({ ...a, placement: placements[i] ?? { align: "right" as const, at: 1, below: false } }))
    .reverse()
    .map((a) => annotationLayer(a.which, a.ref.value, a.label, a.placement));
}

function annotationLayer(which: Annotation, value: number, label: string, { align, at, below }: Placement): LayerSpec {
  const color = which === "target" ? CHART_COLORS.target : CHART_COLORS.baseline;
  const text = {
    type: "text",
    align,
    baseline: below ? "top" : "bottom",
    dx: align === "right" ? -2 : 2,
    dy: below ? 4 : -4,
    fontSize: 12,
    fontWeight: "bold",
  } as const;
  const x = at === 1 ? { value: "width" as const } : at === 0 ? { value: 0 } : { value: { expr: `width * ${at}` } };
  const encoding = { x, text: { field: "label" } } as const;
  return {
    // Own data: sharing the series' data would draw the rule once per row.
    data: { values: [{ value, label, kind: which }] },
    encoding: { y: { field: "value", type: "quantitative" } },
    layer: [
      { mark: { type: "rule", color, strokeWidth: 1.5, strokeDash: which === "target" ? [7, 4] : [2, 3] } },
      // A white halo first keeps the label readable where the line still crosses it.
      { mark: { ...text, color: "white", stroke: "white", strokeWidth: 4, strokeJoin: "round" }, encoding },
      { mark: { ...text, color }, encoding },
    ],
  };
}

/**
 * "streefwaarde 10% (2026)", "referentiewaarde € 4.500 (2020)"; numbers as in the messages.
 * Other units ("per 1.000 inwoners") are left out: the subtitle names them, and the label stays short.
 */
export function annotationLabel(data: ChartData, which: Annotation, ref: { period: string; value: number }): string {
  const unit = chartUnitKind(data.unit) === "other" ? "" : data.unit;
  const value = formatValue(ref.value, unit, data.lang, { audience: "intern" });
  const parsed = parsePeriod(ref.period);
  const period = parsed.ok ? formatPeriod(parsed.period, data.lang) : ref.period;
  return `${TEXT[data.lang][which]} ${value} (${period})`;
}

/** The SVG's aria-label: "Lijngrafiek: <title>, 2017 t/m 2024". */
function description(data: ChartData, periods: readonly Period[]): string {
  const t = TEXT[data.lang];
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return `${t.description}: ${data.title}`;
  const a = formatPeriod(first, data.lang);
  const b = formatPeriod(last, data.lang);
  return `${t.description}: ${data.title}, ${a === b ? a : `${a} ${t.to} ${b}`}`;
}

/**
 * Units other than % and € are not on the axis labels, so they are named under the title;
 * a plain count ("aantal") needs no explanation.
 */
function subtitle(unit: string): string | undefined {
  const u = unit.trim();
  return chartUnitKind(u) === "other" && u !== "" && !isPlainCountUnit(u) ? u : undefined;
}

/**
 * Long titles wrap onto a second line at a word boundary. Pure code cannot measure text, so this
 * estimates ~8.3 px per character for 15 px bold Arimo; vega's title limit (which does measure)
 * shortens a line that is still too wide with an ellipsis.
 */
function wrapTitle(title: string): string | string[] {
  const maxChars = 62;
  if (title.length <= maxChars) return title;
  const cut = title.lastIndexOf(" ", maxChars);
  if (cut <= 0) return title;
  return [title.slice(0, cut), title.slice(cut + 1)];
}
