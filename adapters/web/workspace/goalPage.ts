/** `/doel/<id>`: the doel's indicators read together (table and small multiples) and its sessions. */
import type { GoalDetail } from "../../../src/app/workspace/indicatorDetail.ts";
import { html, trusted, type Html } from "./html.ts";
import { indicatorTable } from "./indicatorCells.ts";
import { page, type PageContext } from "./layout.ts";
import { hrefFor, type Place } from "./links.ts";
import { sessionsSection } from "./sessionsSection.ts";
import { startForm } from "./sessionPages.ts";
import { TEXTS } from "./texts.ts";

const TEXT = {
  nl: { opgave: "Opgave", indicators: "Indicatoren van dit doel", charts: "Grafieken" },
  en: { opgave: "Task", indicators: "Indicators of this goal", charts: "Charts" },
} as const;

export function goalPage(ctx: PageContext, d: GoalDetail, place: Place): Html {
  const t = TEXT[ctx.lang];
  const withChart = d.indicators.filter((i) => i.chartSvg);
  const body = html`${d.opgaveName ? html`<p class="kicker">${t.opgave}: ${d.opgaveName}</p>` : ""}
<h1>${d.goal.name}</h1>
${indicatorTable(t.indicators, d.indicators, ctx.lang, place)}
${withChart.length > 0 ? html`<section aria-labelledby="grafieken"><h2 id="grafieken">${t.charts}</h2>
<div class="small-multiples">${withChart.map((i) => html`<figure class="chart">${trusted(i.chartSvg!)}<figcaption><a href="${hrefFor(place, `/indicator/${i.indicator.id}`)}">${i.indicator.name}</a></figcaption></figure>`)}</div>
</section>` : ""}
${sessionsSection(d.sessions, ctx.lang, startForm(ctx, { kind: "doel", id: d.goal.id }, d.din.slug))}
<p><a href="${hrefFor(place, "/")}">${TEXTS[ctx.lang].backToOverview}</a></p>`;
  return page(ctx, { title: d.goal.name, current: "overview", body });
}
