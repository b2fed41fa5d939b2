/** `duidbot indicator <id>`: definition, current values and correction history of one indicator. */
import type { DinStore, MeasurementStore } from "../app/ports.ts";
import type { Lang } from "../domain/format.ts";
import { formatDate, formatValue } from "../domain/format.ts";
import { formatPeriod, parsePeriod } from "../domain/period.ts";
import { trendLine } from "../domain/trend.ts";
import { formatDelay } from "../domain/delay.ts";
import type { SessionStore } from "../app/sessions/ports.ts";
import { presentIndicatorConclusions } from "./indicatorConclusions.ts";
import { comparisonSeries } from "../domain/comparison.ts";
import { breakdownsAt, latestBreakdownPeriod, shownBreakdown } from "../domain/breakdown.ts";
import type { Indicator } from "../domain/din.ts";

const TEXT = {
  nl: {
    retired: "vervallen indicator",
    baseline: "referentiewaarde",
    target: "streefwaarde",
    values: "Waarden",
    was: "gecorrigeerd op",
    noValues: "nog geen waarden",
    trend: "trend",
    status: { actief: "actief", gestopt: "bron gestopt: geen nieuwe cijfers verwacht", eenmalig: "eenmalige bron: geen nieuwe cijfers verwacht" },
    delay: (d: string) => `cijfers verwacht ${d} na de periode`,
    source: "bron",
    note: "opmerking",
    compare: "Vergelijking",
    breakdown: (dimension: string, period: string) => `Uitsplitsing naar ${dimension} (${period})`,
  },
  en: {
    retired: "retired indicator",
    baseline: "baseline",
    target: "target",
    values: "Values",
    was: "corrected on",
    noValues: "no values yet",
    trend: "trend",
    status: { actief: "active", gestopt: "source stopped: no new figures expected", eenmalig: "one-off source: no new figures expected" },
    delay: (d: string) => `figures expected ${d} after the period`,
    source: "source",
    note: "note",
    compare: "Comparison",
    breakdown: (dimension: string, period: string) => `Breakdown by ${dimension} (${period})`,
  },
} as const;

export async function presentIndicator(
  deps: { dins: DinStore; measurements: MeasurementStore; sessions?: SessionStore },
  id: string,
  lang: Lang,
  dinSlug?: string,
): Promise<string | undefined> {
  const din = await deps.dins.loadDin(dinSlug);
  const entry = din?.indicators.find((i) => i.indicator.id === id);
  if (!din || !entry) return undefined;
  const t = TEXT[lang];
  const ind = entry.indicator;
  const value = (v: number) => formatValue(v, ind.unit, lang, { audience: "intern" });
  const period = (key: string) => {
    const p = parsePeriod(key);
    return p.ok ? formatPeriod(p.period, lang) : key;
  };
  const lines = [`${ind.name} (${ind.id})${entry.retired ? ` — ${t.retired}` : ""}`];
  lines.push(`${ind.kind} · ${ind.unit} · ${ind.direction} · ${ind.frequency} · ${ind.visibility}${ind.source ? ` · ${ind.source}` : ""}`);
  if (ind.status && ind.status !== "actief") lines.push(t.status[ind.status]);
  else if (ind.expectedDelay) lines.push(t.delay(formatDelay(ind.expectedDelay, lang)));
  if (ind.baseline) lines.push(`${t.baseline}: ${value(ind.baseline.value)} (${period(ind.baseline.period)})`);
  if (ind.target) lines.push(`${t.target}: ${value(ind.target.value)} (${period(ind.target.period)})`);
  const history = await deps.measurements.history(din.slug, id);
  // The same words as a change post (trend.ts), over the current values.
  const trend = trendLine(ind, history.filter((h) => !h.supersededAt), lang);
  if (trend) lines.push(`${t.trend}: ${trend}`);
  lines.push(`${t.values}:`);
  if (history.length === 0) lines.push(`  ${t.noValues}`);
  for (const h of history) {
    const superseded = h.supersededAt ? `  (${t.was} ${formatDate(h.supersededAt, lang)})` : "";
    lines.push(`  ${period(h.period)}: ${value(h.value)}${superseded}  [${h.origin}]`);
    // What was stored with the value, so a wrong bron or opmerking can be seen (and corrected).
    if (h.source) lines.push(`      ${t.source}: ${h.source}`);
    if (h.note) lines.push(`      ${t.note}: ${h.note}`);
  }
  lines.push(...(await contextLines(deps.measurements, din.slug, ind, lang, value, period)));
  // Conclusions of the duidingssessies about this indicator, per period (when sessions are wired in).
  if (deps.sessions) lines.push(...(await presentIndicatorConclusions({ sessions: deps.sessions }, din.slug, id, lang)));
  return lines.join("\n");
}

/** The comparison areas (the DIN's compare:) per period, and the newest breakdowns: all values, the CLI is internal. */
async function contextLines(
  measurements: MeasurementStore,
  dinSlug: string,
  ind: Indicator,
  lang: Lang,
  value: (v: number) => string,
  period: (key: string) => string,
): Promise<string[]> {
  const context = await measurements.contextValues(dinSlug, [ind.id]);
  const t = TEXT[lang];
  const lines: string[] = [];
  const areas = comparisonSeries(ind, context);
  if (areas.length > 0) lines.push(`${t.compare}:`);
  for (const a of areas) lines.push(`  ${a.area}: ${a.points.map((p) => `${period(p.period)} ${value(p.value)}`).join(" · ")}`);
  const newest = latestBreakdownPeriod(ind.id, context);
  for (const b of newest ? breakdownsAt(ind.id, context, newest) : []) {
    lines.push(`${t.breakdown(b.dimension, period(b.period))}:`);
    // Through the one small-number rule of every face; internal use sees every cell.
    for (const c of shownBreakdown(b, ind, "intern").cells) lines.push(`  ${c.category}: ${"value" in c ? value(c.value) : "—"}`);
  }
  return lines;
}
