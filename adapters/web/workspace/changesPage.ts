/** `/veranderingen`: the changes of recent imports per opgave › doel, as `duidbot changes` prints them, with filters. */
import { describeChangeParts } from "../../../src/domain/describeChange.ts";
import { describeLateData } from "../../../src/domain/lateData.ts";
import type { Indicator } from "../../../src/domain/din.ts";
import type { ChangeOverview } from "../../../src/app/measurements/listChanges.ts";
import { html, type Html } from "./html.ts";
import { page, type PageContext } from "./layout.ts";
import { hrefFor, type Place } from "./links.ts";

const TEXT = {
  nl: {
    title: "Veranderingen",
    intro: "De nieuwste verandering per indicator uit de geïmporteerde cijfers, per opgave en doel.",
    filters: "Filters",
    significant: "Alleen opvallende veranderingen",
    since: "Vastgelegd sinds",
    apply: "Toon",
    noChanges: "Geen veranderingen met deze filters.",
    flag: "opvallend",
    retired: "vervallen",
    late: "Cijfers te laat",
    badDate: (v: string) => `"${v}" is geen bestaande datum (JJJJ-MM-DD); het filter is niet toegepast.`,
  },
  en: {
    title: "Changes",
    intro: "The newest change per indicator from the imported figures, per task and goal.",
    filters: "Filters",
    significant: "Significant changes only",
    since: "Recorded since",
    apply: "Show",
    noChanges: "No changes with these filters.",
    flag: "significant",
    retired: "retired",
    late: "Figures overdue",
    badDate: (v: string) => `"${v}" is not an existing date (YYYY-MM-DD); the filter was not applied.`,
  },
} as const;

export interface ChangeFilters {
  significant: boolean;
  /** As typed (the form shows it again). */
  since?: string;
  /** Set when `since` was not a date. */
  badSince?: boolean;
}

export function changesPage(ctx: PageContext, overview: ChangeOverview, filters: ChangeFilters, place: Place): Html {
  const t = TEXT[ctx.lang];
  const byId = new Map<string, { indicator: Indicator; retired: boolean }>(overview.din.indicators.map((i) => [i.indicator.id, i]));
  const link = (id: string) => {
    const known = byId.get(id);
    return html`<a href="${hrefFor(place, `/indicator/${id}`)}">${known?.indicator.name ?? id}</a>${known?.retired ? html` <span class="tag">${t.retired}</span>` : ""}`;
  };
  const body = html`<h1>${t.title}</h1>
<p class="lead">${t.intro}</p>
<form method="get" action="/veranderingen" class="filters" aria-label="${t.filters}">
${place.gemeente ? html`<input type="hidden" name="gemeente" value="${place.gemeente}">` : ""}
<p><input type="checkbox" id="significant" name="significant" value="ja"${filters.significant ? html` checked` : ""}> <label for="significant">${t.significant}</label></p>
<p><label for="sinds">${t.since}</label> <input type="date" id="sinds" name="sinds" value="${filters.since ?? ""}"${filters.badSince ? html` aria-invalid="true" aria-describedby="sinds-fout"` : ""}>
<button type="submit">${t.apply}</button></p>
${filters.badSince ? html`<p class="error" id="sinds-fout" role="alert">${t.badDate(filters.since ?? "")}</p>` : ""}
</form>
${overview.groups.length === 0 ? html`<p>${t.noChanges}</p>` : ""}
${overview.groups.map(
  (g) => html`<section aria-labelledby="wijz-${g.goal.id}"><h2 id="wijz-${g.goal.id}"><span class="kicker">${g.opgave.name || "—"}</span> <a href="${hrefFor(place, `/doel/${g.goal.id}`)}">${g.goal.name}</a></h2>
<ul class="changes">${g.changes.map((c) => {
    const known = byId.get(c.indicatorId);
    if (!known) return "";
    const parts = describeChangeParts(c, known.indicator, ctx.lang, "intern");
    return html`<li>${link(c.indicatorId)}: <strong>${parts.value}</strong> · ${[...parts.changes, ...(parts.target ? [parts.target] : [])].join(" · ")}${c.significant ? html` <span class="tag">${t.flag}</span>` : ""}</li>`;
  })}</ul></section>`,
)}
${overview.late.length > 0 ? html`<section aria-labelledby="te-laat"><h2 id="te-laat">${t.late}</h2><ul>${overview.late.flatMap((g) =>
  g.lateData.map((l) => html`<li>${link(l.indicatorId)}: ${describeLateData(l, ctx.lang)}</li>`),
)}</ul></section>` : ""}`;
  return page(ctx, { title: t.title, current: "changes", body });
}
