/**
 * The voorblad (cover page), as in Hilversum's DIN: missie → opgaven → doelen → effect-indicatoren,
 * and speerpunten (with their beleidskader) → prestatie-indicatoren. Every indicator links to its
 * page, with its latest value, a status mark and a mark when a duiding is attached.
 */
import type { Lang } from "../domain/format.ts";
import { anchorId, type ReportGoal, type ReportIndicator, type ReportModel } from "../domain/report/model.ts";
import { ARROW_SYMBOL, arrowMovement, arrowOf, arrowPeriods } from "../domain/stelsel.ts";
import { esc, periodText, pointText, statusMark } from "./format.ts";
import { TEXTS } from "./texts.ts";

function indicatorItem(indicator: ReportIndicator | undefined, lang: Lang): string {
  if (!indicator) return "";
  const t = TEXTS[lang];
  const latest = indicator.latest
    ? `<span class="value">${esc(pointText(indicator.latest, indicator, lang))}</span> (${esc(periodText(indicator.latest.period, lang))})`
    : esc(t.noValue);
  const duiding = indicator.conclusionIds.length + indicator.goalConclusionIds.length > 0 ? ` · <span class="has-duiding">● ${esc(t.hasDuiding)}</span>` : "";
  return `<li><a href="#${anchorId("indicator", indicator.id)}">${esc(indicator.name)}</a>: ${latest} · ${statusMark(indicator, lang)}${duiding}</li>`;
}

function goalBlock(goal: ReportGoal, byId: ReadonlyMap<string, ReportIndicator>, lang: Lang): string {
  const t = TEXTS[lang];
  const items = (ids: readonly string[]) => ids.map((id) => indicatorItem(byId.get(id), lang)).join("");
  const parts = [`<h4>${esc(goal.name)}</h4>`];
  if (goal.conclusionIds.length > 0) parts.push(`<p><a href="#${anchorId("doel", goal.id)}">${esc(t.doelDuiding(goal.name))}</a></p>`);
  if (goal.effectIds.length > 0) parts.push(`<h5>${esc(t.effect)}</h5><ul class="tree">${items(goal.effectIds)}</ul>`);
  const speerpunten = goal.speerpunten.filter((s) => s.indicatorIds.length > 0);
  if (speerpunten.length > 0) {
    const list = speerpunten
      .map((s) => `<li class="speerpunt">${esc(s.name)} <span class="beleidskader">(${esc(s.beleidskader)})</span><ul>${items(s.indicatorIds)}</ul></li>`)
      .join("");
    parts.push(`<h5>${esc(t.speerpunten)}</h5><ul class="tree">${list}</ul>`);
  }
  if (goal.otherIds.length > 0) parts.push(`<h5>${esc(t.otherPrestatie)}</h5><ul class="tree">${items(goal.otherIds)}</ul>`);
  return `<div class="doel">${parts.join("")}</div>`;
}

/**
 * The opgave's stelselindicatoren with an arrow: symbol and words (not colour alone). From the edition's
 * values; a hidden newest value gets no arrow (it would tell how a small number moved).
 */
function stelselBlock(goals: readonly ReportGoal[], model: ReportModel, lang: Lang): string {
  const t = TEXTS[lang];
  const ids = new Set(goals.map((g) => g.id));
  const items = model.indicators
    .filter((i) => i.stelsel && ids.has(i.goalId))
    .map((i) => {
      const series = i.values.flatMap((v) => (v.value === undefined ? [] : [{ period: v.period, value: v.value }]));
      const arrow = i.latest?.value === undefined ? undefined : arrowOf(i, series);
      const mark = arrow
        ? `<span class="mark arrow-${arrow.tone}"><span aria-hidden="true">${ARROW_SYMBOL[arrow.direction]}</span> ` +
          `${esc(arrowMovement(arrow, lang))}</span> (${esc(arrowPeriods(arrow, lang))})`
        : esc(t.noArrow);
      return `<li><a href="#${anchorId("indicator", i.id)}">${esc(i.name)}</a>: ${mark}</li>`;
    });
  return items.length > 0 ? `<div class="stelsel"><h4>${esc(t.stelsel)}</h4><ul class="tree">${items.join("")}</ul></div>` : "";
}

export function voorblad(model: ReportModel, lang: Lang): string {
  const t = TEXTS[lang];
  const byId = new Map(model.indicators.map((i) => [i.id, i]));
  const opgaven = model.opgaven
    .map((o) => `<div class="opgave"><h3>${esc(o.name)}</h3>${stelselBlock(o.goals, model, lang)}${o.goals.map((g) => goalBlock(g, byId, lang)).join("")}</div>`)
    .join("");
  return (
    `<section id="voorblad" aria-labelledby="voorblad-title" tabindex="-1">` +
    `<h2 id="voorblad-title">${esc(t.voorblad)}</h2>` +
    `<p class="mission"><span class="meta">${esc(t.mission)}:</span> ${esc(model.mission)}</p>` +
    opgaven +
    `</section>`
  );
}
