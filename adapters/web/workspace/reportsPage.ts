/** `/rapporten`: the DIN report – the next edition as it stands, and the published (frozen) editions. */
import type { EditionYear } from "../../../src/app/report/listEditions.ts";
import { formatDate } from "../../../src/domain/format.ts";
import { html, type Html } from "./html.ts";
import { page, type PageContext } from "./layout.ts";
import { hrefFor, type Place } from "./links.ts";

const TEXT = {
  nl: {
    title: "DIN-rapportage",
    intro: "Het rapport voor de gemeenteraad: een voorblad met de DIN en per indicator de grafiek, de waarden en de vastgestelde duiding.",
    next: "Volgende editie (concept)",
    nextHelp: "Zo ziet het rapport er nu uit. Het verandert nog met nieuwe cijfers en conclusies.",
    internal: "intern",
    public: "openbaar (zonder interne indicatoren en kleine aantallen)",
    published: "Gepubliceerde edities",
    none: "Er is nog geen editie gepubliceerd.",
    publishHelp: "Publiceren legt een editie vast; daarna verandert die nooit meer. Dat doet u met: npx duidbot report --publish --edition <jaar>",
    edition: (y: number) => `Editie ${y}`,
    variant: (lang: string, pub: boolean, at: string) => `${lang === "en" ? "Engels" : "Nederlands"}, ${pub ? "openbaar" : "intern"} – gepubliceerd op ${at}`,
  },
  en: {
    title: "DIN report",
    intro: "The report for the municipal council: a cover page with the DIN and per indicator the chart, the values and the adopted interpretation.",
    next: "Next edition (draft)",
    nextHelp: "This is how the report looks now. It still changes with new figures and conclusions.",
    internal: "internal",
    public: "public (without internal indicators and small numbers)",
    published: "Published editions",
    none: "No edition has been published yet.",
    publishHelp: "Publishing freezes an edition; it never changes after that. Run: npx duidbot report --publish --edition <year>",
    edition: (y: number) => `Edition ${y}`,
    variant: (lang: string, pub: boolean, at: string) => `${lang === "en" ? "English" : "Dutch"}, ${pub ? "public" : "internal"} – published on ${at}`,
  },
} as const;

export function reportsPage(ctx: PageContext, editions: readonly EditionYear[], place: Place): Html {
  const t = TEXT[ctx.lang];
  const link = (path: string, params: Record<string, string>) => hrefFor(place, `${path}?${new URLSearchParams(params).toString()}`);
  const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<h2>${t.next}</h2>
<p>${t.nextHelp}</p>
<ul>
<li><a href="${link("/rapport", { lang: ctx.lang, versie: "intern" })}">${t.next} – ${t.internal}</a></li>
<li><a href="${link("/rapport", { lang: ctx.lang, versie: "openbaar" })}">${t.next} – ${t.public}</a></li>
</ul>
<h2>${t.published}</h2>
${editions.length === 0 ? html`<p>${t.none}</p>` : editions.map(
  (e) => html`<h3>${t.edition(e.edition)}</h3><ul>${e.variants.map(
    (v) => html`<li><a href="${link(`/rapport/${e.edition}`, { lang: v.lang, versie: v.public ? "openbaar" : "intern" })}">${t.variant(v.lang, v.public, formatDate(v.publishedAt, ctx.lang))}</a></li>`,
  )}</ul>`,
)}
<p class="detail">${t.publishHelp}</p>`;
  return page(ctx, { title: t.title, current: "report", body });
}
