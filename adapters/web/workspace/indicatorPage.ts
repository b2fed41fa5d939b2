/** `/indicator/<id>`: chart, values with corrections, referentie- and streefwaarde, source, sessions, conclusions. */
import { describeChangeParts } from "../../../src/domain/describeChange.ts";
import { formatDate, formatValue } from "../../../src/domain/format.ts";
import { formatPeriodKey } from "../../../src/app/sessions/periods.ts";
import type { IndicatorDetail } from "../../../src/app/workspace/indicatorDetail.ts";
import { html, trusted, type Html } from "./html.ts";
import { duidingBadge, targetBadge, toneBadge } from "./indicatorCells.ts";
import { page, type PageContext } from "./layout.ts";
import { hrefFor, type Place } from "./links.ts";
import { conclusionBlock, sessionsSection } from "./sessionsSection.ts";
import { startForm } from "./sessionPages.ts";
import { TEXTS } from "./texts.ts";
import { breakdownSection, comparisonSection } from "./contextSections.ts";

const TEXT = {
  nl: {
    retired: "vervallen indicator (niet meer in de DIN in force)",
    kind: { effect: "effectindicator", prestatie: "prestatie-indicator" },
    unit: "eenheid",
    source: "bron",
    frequency: "frequentie",
    baseline: "Referentiewaarde",
    target: "Streefwaarde",
    chart: "Grafiek",
    values: "Waarden",
    period: "Periode",
    value: "Waarde",
    recorded: "Vastgelegd",
    origin: "Uit",
    corrected: (d: string) => `vervangen op ${d}`,
    current: "geldend",
    none: "Nog geen waarden.",
    conclusions: "Vastgestelde conclusies",
    noConclusions: "Nog geen vastgestelde conclusie.",
    doel: "Doel",
    now: "Nu",
  },
  en: {
    retired: "retired indicator (no longer in the DIN in force)",
    kind: { effect: "effect indicator", prestatie: "performance indicator" },
    unit: "unit",
    source: "source",
    frequency: "frequency",
    baseline: "Baseline",
    target: "Target",
    chart: "Chart",
    values: "Values",
    period: "Period",
    value: "Value",
    recorded: "Recorded",
    origin: "From",
    corrected: (d: string) => `replaced on ${d}`,
    current: "current",
    none: "No values yet.",
    conclusions: "Adopted conclusions",
    noConclusions: "No adopted conclusion yet.",
    doel: "Goal",
    now: "Now",
  },
} as const;

export function indicatorPage(ctx: PageContext, d: IndicatorDetail, place: Place): Html {
  const t = TEXT[ctx.lang];
  const ind = d.summary.indicator;
  const value = (v: number) => formatValue(v, ind.unit, ctx.lang, { audience: "intern" });
  // With the current values: the trend words and the referentiewaarde, as in a change post; with the
  // comparison areas their values beside it.
  const current = d.history.filter((h) => !h.supersededAt);
  const parts = d.summary.latest ? describeChangeParts(d.summary.latest, ind, ctx.lang, "intern", current, d.areas) : undefined;
  const adopted = d.sessions.filter((s) => s.conclusion?.status === "adopted");
  const newestFirst = [...d.history].reverse();
  const body = html`<p class="kicker">${d.goal ? html`${t.doel}: <a href="${hrefFor(place, `/doel/${d.goal.id}`)}">${d.goal.name}</a>` : ""}</p>
<h1>${ind.name}</h1>
${d.retired ? html`<p class="notice">${t.retired}</p>` : ""}
${ind.description ? html`<p>${ind.description}</p>` : ""}
<p class="detail">${t.kind[ind.kind]} · ${t.unit}: ${ind.unit} · ${t.frequency}: ${ind.frequency}${ind.source ? html` · ${t.source}: ${ind.source}` : ""}${ind.visibility === "intern" ? html` · <span class="tag">intern</span>` : ""}</p>
<section aria-labelledby="nu"><h2 id="nu">${t.now}</h2>
<p>${parts ? html`<strong>${parts.value}</strong> · ${[...parts.changes, ...(parts.trend ? [parts.trend] : [])].join(" · ")}${toneBadge(d.summary, ctx.lang)}` : t.none}</p>
<p>${targetBadge(d.summary, ctx.lang)}${parts?.target ? html` · ${parts.target}` : ""}${parts?.baseline ? html` · ${parts.baseline}` : ""}</p>
<p>${duidingBadge(d.summary, ctx.lang, place)}</p>
<dl class="reference">
${ind.baseline ? html`<dt>${t.baseline}</dt><dd>${value(ind.baseline.value)} (${formatPeriodKey(ind.baseline.period, ctx.lang)})</dd>` : ""}
${ind.target ? html`<dt>${t.target}</dt><dd>${value(ind.target.value)} (${formatPeriodKey(ind.target.period, ctx.lang)})</dd>` : ""}
</dl>
</section>
${d.chartSvg ? html`<section aria-labelledby="grafiek"><h2 id="grafiek">${t.chart}</h2><figure class="chart">${trusted(d.chartSvg)}</figure></section>` : ""}
${comparisonSection(ind, d.din.latest.municipality, newestFirst.filter((h) => !h.supersededAt), d.areas, ctx.lang)}
${breakdownSection(ind, d.breakdowns, ctx.lang)}
<section aria-labelledby="waarden"><h2 id="waarden">${t.values}</h2>
${d.history.length === 0 ? html`<p>${t.none}</p>` : html`<table>
<caption>${t.values}: ${ind.name}</caption>
<thead><tr><th scope="col">${t.period}</th><th scope="col" class="num">${t.value}</th><th scope="col">${t.recorded}</th><th scope="col">${t.origin}</th></tr></thead>
<tbody>${newestFirst.map(
  (h) => html`<tr${h.supersededAt ? html` class="superseded"` : ""}><th scope="row">${formatPeriodKey(h.period, ctx.lang)}</th>
<td class="num">${h.supersededAt ? html`<del>${value(h.value)}</del>` : value(h.value)}</td>
<td>${formatDate(h.recordedAt, ctx.lang)}${h.supersededAt ? html` · ${t.corrected(formatDate(h.supersededAt, ctx.lang))}` : ""}</td>
<td>${h.origin}${h.source ? html`<br><span class="detail">${h.source}</span>` : ""}${h.note ? html`<br><span class="detail">${h.note}</span>` : ""}</td></tr>`,
)}</tbody></table>`}
</section>
<section aria-labelledby="conclusies"><h2 id="conclusies">${t.conclusions}</h2>
${adopted.length === 0 ? html`<p>${t.noConclusions}</p>` : adopted.map((s) => html`<h3>${s.session.title}</h3>${conclusionBlock(s.conclusion!, s.actions, ctx.lang)}`)}
</section>
${sessionsSection(d.sessions, ctx.lang, d.retired ? undefined : startForm(ctx, { kind: "indicator", id: d.summary.indicator.id }, d.din.slug))}
<p><a href="${hrefFor(place, "/")}">${TEXTS[ctx.lang].backToOverview}</a></p>`;
  return page(ctx, { title: ind.name, current: "overview", body });
}
