/**
 * The indicator page's comparison table (the municipality beside its areas, per period) and its
 * breakdowns, shown on request (a closed <details>). The cells come from the core's one small-number
 * rule (shownBreakdown): this only writes them.
 */
import type { AreaSeries } from "../../../src/domain/comparison.ts";
import type { ShownBreakdown } from "../../../src/domain/breakdown.ts";
import type { RenderedMultiples } from "../../../src/app/breakdownCharts.ts";
import { formatValue, type Lang } from "../../../src/domain/format.ts";
import { smallNumberLimit, type Indicator } from "../../../src/domain/din.ts";
import { formatPeriodKey } from "../../../src/app/sessions/periods.ts";
import { html, trusted, type Html } from "./html.ts";

const TEXT = {
  nl: {
    comparison: "Vergelijking",
    period: "Periode",
    breakdown: (d: string, p: string) => `Uitsplitsing naar ${d} (${p})`,
    category: "Categorie",
    value: "Waarde",
    secondary: "niet getoond (anders is een klein aantal uit het totaal te berekenen)",
    overTime: (d: string, from: string, to: string) => `Per ${d} door de tijd, ${from} t/m ${to}, alle op dezelfde schaal`,
  },
  en: {
    comparison: "Comparison",
    period: "Period",
    breakdown: (d: string, p: string) => `Breakdown by ${d} (${p})`,
    category: "Category",
    value: "Value",
    secondary: "not shown (a small number could otherwise be computed from the total)",
    overTime: (d: string, from: string, to: string) => `Per ${d} over time, ${from} to ${to}, all on the same scale`,
  },
} as const;

export function comparisonSection(ind: Indicator, municipality: string, own: readonly { period: string; value: number }[], areas: readonly AreaSeries[], lang: Lang): Html | string {
  if (areas.length === 0) return "";
  const t = TEXT[lang];
  const value = (v: number | undefined) => (v === undefined ? "—" : formatValue(v, ind.unit, lang, { audience: "intern" }));
  const periods = [...new Set([...own, ...areas.flatMap((a) => a.points)].map((p) => p.period))].sort().reverse();
  const at = (points: readonly { period: string; value: number }[], period: string) => points.find((p) => p.period === period)?.value;
  return html`<section aria-labelledby="vergelijking"><h2 id="vergelijking">${t.comparison}</h2><table>
<caption>${t.comparison}: ${ind.name}</caption>
<thead><tr><th scope="col">${t.period}</th><th scope="col" class="num">${municipality}</th>${areas.map((a) => html`<th scope="col" class="num">${a.area}</th>`)}</tr></thead>
<tbody>${periods.map((p) => html`<tr><th scope="row">${formatPeriodKey(p, lang)}</th><td class="num">${value(at(own, p))}</td>${areas.map((a) => html`<td class="num">${value(at(a.points, p))}</td>`)}</tr>`)}</tbody>
</table></section>`;
}

/** One small chart per category over time (the core drew them from shown cells only), each with its text alternative. */
function multiplesBlock(set: RenderedMultiples | undefined, lang: Lang): Html | string {
  if (!set || set.charts.length === 0) return "";
  const period = (k: string | undefined) => (k ? formatPeriodKey(k, lang) : "");
  return html`<p class="detail">${TEXT[lang].overTime(set.dimension, period(set.periods[0]), period(set.periods.at(-1)))}</p>
<div class="breakdown-multiples">${set.charts.map((c) => html`<figure class="chart">${trusted(c.svg)}<figcaption>${c.alt}</figcaption></figure>`)}</div>`;
}

export function breakdownSection(ind: Indicator, breakdowns: readonly (ShownBreakdown & { multiples?: RenderedMultiples })[], lang: Lang): Html | string {
  if (breakdowns.length === 0) return "";
  const t = TEXT[lang];
  return html`${breakdowns.map(
    (b) => html`<details class="breakdown"><summary>${t.breakdown(b.dimension, formatPeriodKey(b.period, lang))}</summary><table>
<thead><tr><th scope="col">${t.category}</th><th scope="col" class="num">${t.value}</th></tr></thead>
<tbody>${b.cells.map((c) => html`<tr><th scope="row">${c.category}</th><td class="num">${"value" in c ? formatValue(c.value, ind.unit, lang, { audience: "intern" }) : c.hidden === "klein" ? `< ${smallNumberLimit(ind) ?? ""}` : t.secondary}</td></tr>`)}</tbody>
</table>${multiplesBlock(b.multiples, lang)}</details>`,
  )}`;
}
