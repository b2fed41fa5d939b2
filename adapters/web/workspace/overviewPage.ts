/** `/`: the DIN overview – missie, opgaven → doelen → indicators, speerpunten → prestatie-indicatoren. */
import type { DinOverview } from "../../../src/app/workspace/dinOverview.ts";
import { html, type Html } from "./html.ts";
import { indicatorTable } from "./indicatorCells.ts";
import { page, type PageContext } from "./layout.ts";
import { hrefFor, type Place } from "./links.ts";
import { TEXTS } from "./texts.ts";

export function overviewPage(ctx: PageContext, overview: DinOverview, place: Place): Html {
  const t = TEXTS[ctx.lang];
  const def = overview.din.latest;
  const title = t.overviewTitle(def.municipality);
  const body = html`<h1>${title}</h1>
<p class="lead">${t.version(def.year)}</p>
<section aria-labelledby="missie"><h2 id="missie">${t.mission}</h2><p class="mission">${def.mission}</p></section>
${overview.opgaven.map(
  ({ opgave, goals }) => html`<section class="opgave" aria-labelledby="opgave-${opgave.id}">
<h2 id="opgave-${opgave.id}"><span class="kicker">${t.opgave}</span> ${opgave.name}</h2>
${goals.map(
  (g) => html`<section class="doel" aria-labelledby="doel-${g.goal.id}">
<h3 id="doel-${g.goal.id}"><span class="kicker">${t.doel}</span> <a href="${hrefFor(place, `/doel/${g.goal.id}`)}">${g.goal.name}</a></h3>
${indicatorTable(t.effect, g.indicators, ctx.lang, place)}
${g.speerpunten.map(
  (s) => html`<h4><span class="kicker">${t.speerpunt}</span> ${s.name} <span class="muted">(${t.beleidskader}: ${s.beleidskader})</span></h4>
${indicatorTable(`${t.prestatie} – ${s.name}`, s.indicators, ctx.lang, place)}`,
)}
</section>`,
)}
</section>`,
)}`;
  return page(ctx, { title, current: "overview", body });
}

/** With several DINs and none chosen: a list to choose from (never silently the first). */
export function chooseMunicipalityPage(ctx: PageContext, slugs: readonly string[], path: string): Html {
  const t = TEXTS[ctx.lang];
  const body = html`<h1>${t.chooseMunicipality}</h1>
<ul class="choices">${slugs.map((slug) => html`<li><a href="${hrefFor({ gemeente: slug }, path)}">${slug}</a></li>`)}</ul>`;
  return page(ctx, { title: t.chooseMunicipality, current: "overview", body });
}

export function noDinPage(ctx: PageContext): Html {
  const t = TEXTS[ctx.lang];
  return page(ctx, { title: t.noDin, current: "overview", body: html`<h1>${t.noDin}</h1><p>${t.noDinHelp}</p>` });
}

export function notFoundPage(ctx: PageContext): Html {
  const t = TEXTS[ctx.lang];
  return page(ctx, { title: t.notFound, body: html`<h1>${t.notFound}</h1><p><a href="/">${t.backToOverview}</a></p>` });
}
