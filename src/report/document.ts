/**
 * The whole report as ONE self-contained HTML document: inline CSS, charts as inline SVG, no
 * script, no font or image to fetch, so it works offline, from a file share and as an e-mail
 * attachment. Landmarks (header, main, footer), one h1, headings in order, lang on <html>.
 */
import type { ChartRenderer } from "../app/charts.ts";
import { renderMultiples, smallMultiples, type RenderedMultiples } from "../app/breakdownCharts.ts";
import type { ChartData } from "../app/messages/message.ts";
import { altText, MAX_POINTS } from "../app/sessions/chartElements.ts";
import type { Lang } from "../domain/format.ts";
import { anchorId, type ReportGoal, type ReportIndicator, type ReportModel } from "../domain/report/model.ts";
import { conclusionHtml } from "./conclusionHtml.ts";
import { REPORT_CSS } from "./css.ts";
import { dateText, esc } from "./format.ts";
import { backLink, indicatorPage } from "./indicatorPage.ts";
import { TEXTS } from "./texts.ts";
import { voorblad } from "./voorblad.ts";

/** What a chart shows: the visible values (hidden small counts left out: the line breaks there). */
export function chartDataOf(indicator: ReportIndicator, lang: Lang): ChartData | undefined {
  const points = indicator.values.flatMap((v) => (v.value === undefined ? [] : [{ period: v.period, value: v.value }])).slice(-MAX_POINTS);
  if (points.length < 2) return undefined;
  const { baseline, target } = indicator;
  return {
    title: indicator.name,
    unit: indicator.unit,
    lang,
    points,
    ...comparisonsOf(indicator),
    ...(baseline?.value !== undefined ? { baseline: { period: baseline.period, value: baseline.value } } : {}),
    ...(target?.value !== undefined ? { target: { period: target.period, value: target.value } } : {}),
  };
}

/** The comparison areas' visible values as extra chart lines (hidden small counts left out, as for the municipality). */
function comparisonsOf(indicator: ReportIndicator): Pick<ChartData, "comparisons"> {
  const lines = (indicator.comparisons ?? [])
    .map((a) => ({ label: a.area, points: a.values.flatMap((v) => (v.value === undefined ? [] : [{ period: v.period, value: v.value }])) }))
    .filter((a) => a.points.length > 0);
  return lines.length > 0 ? { comparisons: lines } : {};
}

async function chartFigure(indicator: ReportIndicator, lang: Lang, charts: ChartRenderer): Promise<string | undefined> {
  const data = chartDataOf(indicator, lang);
  if (!data) return undefined;
  const hidden = indicator.values.some((v) => v.value === undefined);
  const svg = await charts.svg(data);
  return `<figure>${svg}<figcaption>${esc(altText(data, lang, hidden ? indicator.smallNumbers : undefined))}</figcaption></figure>`;
}

/**
 * The small multiples of each breakdown dimension with more than one period, drawn from the model:
 * a public model holds no hidden cell's value, so none can reach a chart or its text.
 */
async function multiplesOf(indicator: ReportIndicator, lang: Lang, charts: ChartRenderer): Promise<Map<string, RenderedMultiples>> {
  const drawn = new Map<string, RenderedMultiples>();
  for (const b of indicator.breakdowns ?? []) {
    const history = (indicator.breakdownHistory ?? []).filter((h) => h.dimension === b.dimension);
    const set = smallMultiples(history, { unit: indicator.unit, ...(indicator.smallNumbers !== undefined ? { smallNumbers: indicator.smallNumbers } : {}) }, lang);
    if (set) drawn.set(b.dimension, await renderMultiples(charts, set));
  }
  return drawn;
}

function goalPage(goal: ReportGoal, model: ReportModel, lang: Lang): string {
  const t = TEXTS[lang];
  const id = anchorId("doel", goal.id);
  const byId = new Map(model.conclusions.map((c) => [c.sessionId, c]));
  const names = new Map(model.indicators.map((i) => [i.id, i.name]));
  const ids = [...goal.effectIds, ...goal.speerpunten.flatMap((s) => s.indicatorIds), ...goal.otherIds];
  const links = ids.map((i) => `<li><a href="#${anchorId("indicator", i)}">${esc(names.get(i) ?? i)}</a></li>`).join("");
  return (
    `<section class="page doel-page" id="${id}" aria-labelledby="${id}-title">` +
    `<div class="page-head"><h2 id="${id}-title">${esc(t.doelDuiding(goal.name))}</h2>${backLink(lang)}</div>` +
    goal.conclusionIds.flatMap((c) => (byId.has(c) ? [conclusionHtml(byId.get(c)!, lang, 3)] : [])).join("") +
    `<h3>${esc(t.indicatorsOfGoal)}</h3><ul>${links}</ul>` +
    `<p>${backLink(lang)}</p></section>`
  );
}

export async function renderReportHtml(model: ReportModel, lang: Lang, status: "draft" | "published", charts: ChartRenderer): Promise<string> {
  const t = TEXTS[lang];
  const title = t.title(model.municipality, model.edition);
  const pages: string[] = [];
  for (const goal of model.opgaven.flatMap((o) => o.goals)) if (goal.conclusionIds.length > 0) pages.push(goalPage(goal, model, lang));
  for (const indicator of model.indicators) {
    pages.push(indicatorPage(indicator, model, await chartFigure(indicator, lang, charts), lang, await multiplesOf(indicator, lang, charts)));
  }
  const kind = model.public ? t.publicEdition : t.internalEdition;
  const previous = model.previous ? { edition: model.previous.edition, date: dateText(model.previous.cutoff, lang) } : undefined;
  return (
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>` +
    `<a class="skip" href="#voorblad">${esc(t.skip)}</a>` +
    `<header class="report"><h1>${esc(title)}</h1><p class="edition">${esc(kind)} · ${esc(t.dinVersion(model.dinYear))}</p>` +
    (status === "draft" ? `<p class="draft">${esc(t.draft)}</p>` : `<p class="edition">${esc(t.published)}</p>`) +
    `</header>` +
    `<main>${voorblad(model, lang)}${pages.join("")}</main>` +
    `<footer class="footer"><p>${esc(t.footer(dateText(model.cutoff, lang), previous))}</p></footer>` +
    `</body></html>\n`
  );
}
