/**
 * An indicator's page (the "toelichting" the voorblad links to): where it sits in the tree, its
 * status, the chart (inline SVG with its text alternative) and the table of values with referentie-
 * and streefwaarde, source, last update and data notes, then the attached duiding. "Terug naar
 * voorblad" at the top right (as in Hilversum's DIN) and at the end.
 */
import type { Lang } from "../domain/format.ts";
import { describeLateData } from "../domain/lateData.ts";
import type { PeriodValue } from "../domain/din.ts";
import { trendLine } from "../domain/trend.ts";
import { anchorId, type ReportIndicator, type ReportModel, type ReportPoint } from "../domain/report/model.ts";
import { conclusionHtml } from "./conclusionHtml.ts";
import { dateText, esc, periodText, pointText, statusMark } from "./format.ts";
import { TEXTS } from "./texts.ts";
import type { RenderedMultiples } from "../app/breakdownCharts.ts";

export function backLink(lang: Lang): string {
  return `<a class="back" href="#voorblad">← ${esc(TEXTS[lang].back)}</a>`;
}

function valuesTable(indicator: ReportIndicator, lang: Lang): string {
  const t = TEXTS[lang];
  const row = (label: string, value: string, header = false) =>
    `<tr>${header ? `<th scope="row">${esc(label)}</th>` : `<td>${esc(label)}</td>`}<td class="num">${esc(value)}</td></tr>`;
  const rows = [...indicator.values].reverse().map((v) => row(periodText(v.period, lang), pointText(v, indicator, lang)));
  const refs: string[] = [];
  if (indicator.baseline) refs.push(row(`${t.baseline} (${periodText(indicator.baseline.period, lang)})`, pointText(indicator.baseline, indicator, lang), true));
  if (indicator.target) refs.push(row(`${t.target} (${periodText(indicator.target.period, lang)})`, pointText(indicator.target, indicator, lang), true));
  return (
    `<table><caption>${esc(t.values(indicator.name))}</caption>` +
    `<thead><tr><th scope="col">${esc(t.period)}</th><th scope="col" class="num">${esc(t.value)}</th></tr></thead>` +
    `<tbody>${rows.join("") || `<tr><td colspan="2">${esc(t.noValue)}</td></tr>`}${refs.join("")}</tbody></table>`
  );
}

/** Periods down, the municipality and each comparison area across; small public counts read "< 10". */
function comparisonTable(indicator: ReportIndicator, municipality: string, lang: Lang): string {
  const areas = indicator.comparisons ?? [];
  if (areas.length === 0) return "";
  const t = TEXTS[lang];
  const periods = [...new Set([...indicator.values, ...areas.flatMap((a) => a.values)].map((v) => v.period))].sort().reverse();
  const cell = (values: readonly ReportPoint[], period: string) => {
    const point = values.find((v) => v.period === period);
    return `<td class="num">${esc(point ? pointText(point, indicator, lang) : "—")}</td>`;
  };
  const head = [municipality, ...areas.map((a) => a.area)].map((h) => `<th scope="col" class="num">${esc(h)}</th>`).join("");
  const rows = periods.map((p) => `<tr><th scope="row">${esc(periodText(p, lang))}</th>${cell(indicator.values, p)}${areas.map((a) => cell(a.values, p)).join("")}</tr>`);
  return `<table><caption>${esc(t.comparison(indicator.name))}</caption><thead><tr><th scope="col">${esc(t.period)}</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** A breakdown's small multiples: one figure per category with its text alternative, in a grid. */
function multiplesHtml(set: RenderedMultiples | undefined, lang: Lang): string {
  if (!set || set.charts.length === 0) return "";
  const from = periodText(set.periods[0] ?? "", lang);
  const to = periodText(set.periods.at(-1) ?? "", lang);
  const charts = set.charts.map((c) => `<figure>${c.svg}<figcaption>${esc(c.alt)}</figcaption></figure>`).join("");
  return `<figure class="multiples"><figcaption>${esc(TEXTS[lang].overTime(set.dimension, from, to))}</figcaption><div class="multiples-grid">${charts}</div></figure>`;
}

/** Each breakdown as a table, then its small multiples; hidden cells say why (small, or hidden so a small one cannot be computed). */
function breakdownTables(indicator: ReportIndicator, lang: Lang, multiples: ReadonlyMap<string, RenderedMultiples>): string {
  const t = TEXTS[lang];
  return (indicator.breakdowns ?? [])
    .map((b) => {
      const rows = b.cells.map((c) => {
        // Every hidden cell reads the same (which one is small would narrow it down: breakdown.ts).
        const text = "value" in c ? pointText({ period: b.period, value: c.value }, indicator, lang) : t.secondary;
        return `<tr><td>${esc(c.category)}</td><td class="num">${esc(text)}</td></tr>`;
      });
      return (
        `<table class="breakdown"><caption>${esc(t.breakdown(b.dimension, periodText(b.period, lang)))}</caption>` +
        `<thead><tr><th scope="col">${esc(t.category)}</th><th scope="col" class="num">${esc(t.value)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>` +
        multiplesHtml(multiples.get(b.dimension), lang)
      );
    })
    .join("");
}

function notesHtml(indicator: ReportIndicator, lang: Lang): string {
  const t = TEXTS[lang];
  const items = indicator.notes.map((n) => {
    if (n.kind === "correction") {
      const previous = n.previous === undefined ? undefined : pointText({ period: n.period, value: n.previous }, indicator, lang);
      return `<li>${esc(t.correction(periodText(n.period, lang), dateText(n.at, lang), previous))}</li>`;
    }
    const late = { ...n, indicatorId: indicator.id, goalId: indicator.goalId, frequency: indicator.frequency, dueSince: new Date(n.dueSince) };
    return `<li>${esc(t.late)}: ${esc(describeLateData(late, lang))}.</li>`;
  });
  return items.length > 0 ? `<h3>${esc(t.notes)}</h3><ul>${items.join("")}</ul>` : "";
}

const known = (p: { period: string; value?: number } | undefined): PeriodValue | undefined =>
  p?.value === undefined ? undefined : { period: p.period, value: p.value };

/**
 * The trend words of a change post (trend.ts) from the edition's values. A public model holds no
 * hidden value, so the window stops at one and nothing hidden is given away.
 */
function trendHtml(indicator: ReportIndicator, lang: Lang): string {
  // A hidden newest value: words about the values before it would read as if they were the news.
  if (indicator.latest?.value === undefined) return "";
  const baseline = known(indicator.baseline);
  const target = known(indicator.target);
  const series = indicator.values.flatMap((v) => known(v) ?? []);
  const line = trendLine({ unit: indicator.unit, direction: indicator.direction, frequency: indicator.frequency, ...(baseline ? { baseline } : {}), ...(target ? { target } : {}) }, series, lang);
  return line ? `<p class="trend">${esc(line)}</p>` : "";
}

export function indicatorPage(
  indicator: ReportIndicator,
  model: ReportModel,
  chart: string | undefined,
  lang: Lang,
  multiples: ReadonlyMap<string, RenderedMultiples> = new Map(),
): string {
  const t = TEXTS[lang];
  const id = anchorId("indicator", indicator.id);
  const goal = model.opgaven.flatMap((o) => o.goals.map((g) => ({ opgave: o.name, goal: g }))).find((x) => x.goal.id === indicator.goalId);
  const meta = [goal ? `${goal.opgave} › ${goal.goal.name}` : undefined, t.kind[indicator.kind], t.frequency[indicator.frequency]].filter(Boolean);
  const facts = [
    indicator.source ? `${t.source}: ${indicator.source}` : undefined,
    indicator.lastUpdate ? `${t.lastUpdate}: ${dateText(indicator.lastUpdate, lang)}` : undefined,
  ].filter(Boolean);
  const byId = new Map(model.conclusions.map((c) => [c.sessionId, c]));
  const own = indicator.conclusionIds.flatMap((cid) => (byId.has(cid) ? [conclusionHtml(byId.get(cid)!, lang, 4)] : []));
  const viaGoal = goal && indicator.goalConclusionIds.length > 0
    ? `<p><a href="#${anchorId("doel", indicator.goalId)}">${esc(t.goalDuiding(goal.goal.name))}</a></p>`
    : "";
  const earlier = indicator.earlierConclusions > 0 ? `<p class="meta">${esc(t.earlier(indicator.earlierConclusions))}</p>` : "";
  const duiding = own.join("") + viaGoal || `<p>${esc(t.noDuiding)}</p>`;
  return (
    `<section class="page indicator" id="${id}" aria-labelledby="${id}-title">` +
    `<div class="page-head"><h2 id="${id}-title">${esc(indicator.name)}</h2>${backLink(lang)}</div>` +
    `<p class="meta">${esc(meta.join(" · "))}</p>` +
    (indicator.description ? `<p>${esc(indicator.description)}</p>` : "") +
    `<p>${esc(t.latest)}: <span class="value">${esc(pointText(indicator.latest, indicator, lang))}</span>` +
    `${indicator.latest ? ` (${esc(periodText(indicator.latest.period, lang))})` : ""} · ${statusMark(indicator, lang)}</p>` +
    trendHtml(indicator, lang) +
    (chart ?? "") +
    valuesTable(indicator, lang) +
    comparisonTable(indicator, model.municipality, lang) +
    breakdownTables(indicator, lang, multiples) +
    (facts.length > 0 ? `<p class="meta">${esc(facts.join(" · "))}</p>` : "") +
    notesHtml(indicator, lang) +
    `<h3>${esc(t.duiding)}</h3>${duiding}${earlier}` +
    `<p>${backLink(lang)}</p>` +
    `</section>`
  );
}
