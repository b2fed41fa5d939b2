/**
 * Charts in change posts and session roots: per indicator its series up to the period being
 * interpreted, with referentie- and streefwaarde, drawn for the channel's audience. Pure.
 * Guest rules: never an intern indicator; a small count below the kleine-aantallen limit is left
 * out of the series (the chart breaks there), and a chart with fewer than two points is not drawn.
 */
import type { IndicatorChange } from "../../domain/changes.ts";
import { smallNumberLimit } from "../../domain/din.ts";
import type { Indicator, PeriodValue } from "../../domain/din.ts";
import { formatValue, isSuppressed } from "../../domain/format.ts";
import type { Lang } from "../../domain/format.ts";
import { formatAudience, mayShowIndicator } from "../../domain/sessionRules.ts";
import type { ChannelAudience } from "../../domain/sessionRules.ts";
import type { ChartData, MessageElement } from "../messages/message.ts";
import { formatPeriodKey } from "./periods.ts";
import type { AreaSeries } from "../../domain/comparison.ts";

/**
 * At most this many charts per message, the significant changes first. Every chart is a separate
 * upload into the thread (three Web API calls in Slack, each rate limited), and the outbox sends a
 * thread in order, so each chart delays the thread's next message. And a doel with eight changed
 * indicators followed by eight images buries the conversation: the other figures are in the text.
 */
export const MAX_CHARTS = 3;

/**
 * Newest periods a chart shows: ten years of quarters, five of months, over a year of weeks.
 * More is unreadable at chat size, and the series travels in the outbox row and the session snapshot.
 */
export const MAX_POINTS = 60;

/** What a chart is drawn from: an indicator, its change (for ordering) and its series. */
export interface ChartSource {
  indicator: Indicator;
  change?: IndicatorChange;
  series?: readonly PeriodValue[];
  /** Comparison areas (the DIN's `compare:`), drawn as extra lines. */
  comparisons?: readonly AreaSeries[];
}

/** Each area's values up to and including `period` (as seriesUpTo); areas left with none are dropped. */
export function comparisonsUpTo(areas: readonly AreaSeries[], period: string): AreaSeries[] {
  return areas.flatMap((a) => {
    const points = seriesUpTo(a.points, period);
    return points.length > 0 ? [{ area: a.area, points }] : [];
  });
}

const TEXT = {
  nl: {
    chart: "Grafiek",
    to: "t/m",
    baseline: "referentiewaarde",
    target: "streefwaarde",
    suppressed: (limit: string) => `waarden onder ${limit} weggelaten`,
  },
  en: {
    chart: "Chart",
    to: "to",
    baseline: "baseline",
    target: "target",
    suppressed: (limit: string) => `values below ${limit} left out`,
  },
} as const;

/**
 * The values up to and including `period`, oldest first, at most MAX_POINTS. Canonical period keys
 * of one kind sort as text ("2024-Q1" < "2024-Q2"), and an indicator has one frequency.
 */
export function seriesUpTo(values: readonly PeriodValue[], period: string): PeriodValue[] {
  return values
    .filter((v) => v.period <= period)
    .map((v) => ({ period: v.period, value: v.value }))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .slice(-MAX_POINTS);
}

/** The chart of one indicator for an audience; undefined when it may not be shown or has too few points. */
export function chartFor(source: ChartSource, audience: ChannelAudience, lang: Lang): Extract<MessageElement, { type: "chart" }> | undefined {
  const { indicator } = source;
  if (!mayShowIndicator(audience, indicator)) return undefined;
  const hide = (v: number) => isSuppressed(v, formatAudience(audience), smallNumberLimit(indicator));
  const series = source.series ?? [];
  const points = series.filter((p) => !hide(p.value));
  if (points.length < 2) return undefined;
  // Small comparison counts (a neighbouring municipality) follow the same rule as the municipality's own.
  const comparisons = (source.comparisons ?? []).map((a) => ({ label: a.area, points: a.points.filter((p) => !hide(p.value)) })).filter((a) => a.points.length > 0);
  const chart: ChartData = {
    title: indicator.name,
    unit: indicator.unit,
    lang,
    points,
    ...(comparisons.length > 0 ? { comparisons } : {}),
    // The referentiewaarde is a measured figure (a nulmeting) and follows the small-number rule;
    // the streefwaarde is a policy figure, never suppressed (as in describeChange).
    ...(indicator.baseline && !hide(indicator.baseline.value) ? { baseline: { ...indicator.baseline } } : {}),
    ...(indicator.target ? { target: { ...indicator.target } } : {}),
  };
  return { type: "chart", chart, alt: altText(chart, lang, points.length < series.length ? smallNumberLimit(indicator) : undefined) };
}

/** "Grafiek: Jongeren met jeugdhulp, 2017 t/m 2024; streefwaarde 10% (2026)". */
export function altText(chart: ChartData, lang: Lang, suppressedBelow?: number): string {
  const t = TEXT[lang];
  const first = chart.points[0];
  const last = chart.points.at(-1);
  const value = (v: number) => formatValue(v, chart.unit, lang, { audience: "intern" });
  const parts = [`${t.chart}: ${chart.title}${first && last ? `, ${formatPeriodKey(first.period, lang)} ${t.to} ${formatPeriodKey(last.period, lang)}` : ""}`];
  if (chart.baseline) parts.push(`${t.baseline} ${value(chart.baseline.value)} (${formatPeriodKey(chart.baseline.period, lang)})`);
  if (chart.target) parts.push(`${t.target} ${value(chart.target.value)} (${formatPeriodKey(chart.target.period, lang)})`);
  if (suppressedBelow !== undefined) parts.push(t.suppressed(value(suppressedBelow)));
  return parts.join("; ");
}

/** At most MAX_CHARTS charts for these indicators: significant changes first, then in the given order. */
export function chartElements(sources: readonly ChartSource[], audience: ChannelAudience, lang: Lang): MessageElement[] {
  const ordered = [...sources.filter((s) => s.change?.significant), ...sources.filter((s) => !s.change?.significant)];
  const charts: MessageElement[] = [];
  for (const source of ordered) {
    if (charts.length === MAX_CHARTS) break;
    const chart = chartFor(source, audience, lang);
    if (chart) charts.push(chart);
  }
  return charts;
}
