/** `/import`: upload a din.yaml or figures, see what would change (or every problem per line), then import. */
import { describeChangeParts } from "../../../src/domain/describeChange.ts";
import type { Indicator } from "../../../src/domain/din.ts";
import { MAX_SHOWN_ISSUES } from "../../../src/domain/issues.ts";
import { formatIssue, type ValidationIssue } from "../../../src/domain/validation.ts";
import type { IndicatorChange } from "../../../src/domain/changes.ts";
import { html, type Html } from "./html.ts";
import { page, type PageContext } from "./layout.ts";
import { CSRF_FIELD } from "./security.ts";

const TEXT = {
  nl: {
    title: "Importeren",
    intro: "Kies een DIN-bestand (din.yaml) of een bestand met cijfers (CSV of JSON). U ziet eerst wat er verandert; er wordt pas iets opgeslagen als u op Importeren klikt.",
    file: "Bestand",
    fileHelp: "din.yaml, .csv, .txt (Excel: Unicode-tekst) of .json; hoogstens 5 MB.",
    gemeente: "Gemeente",
    preview: "Bekijk wat er verandert",
    previewTitle: (file: string) => `Voorbeeld: ${file}`,
    errorsTitle: (file: string) => `${file} bevat fouten`,
    invalid: (n: number) => `${n} fout(en) gevonden; er is niets opgeslagen.`,
    more: (n: number) => `… en nog ${n} fout(en), niet getoond.`,
    warnings: "Waarschuwingen",
    figures: (n: number, c: number, u: number) => `${n} nieuwe waarde(n), ${c} correctie(s), ${u} ongewijzigd.`,
    metadata: (m: number) => `${m} waarde(n) met een andere bron of opmerking.`,
    context: (m: number) => `${m} vergelijkings- of uitsplitsingswaarde(n).`,
    nothing: "Dit bestand brengt niets nieuws: alle waarden zijn al zo opgeslagen.",
    changes: "Veranderingen",
    newsOf: (shown: number, all: number) => `De nieuwste periode per indicator en elke correctie: ${shown} van de ${all} veranderingen.`,
    moreChanges: (n: number) => `… en nog ${n}, niet getoond.`,
    din: (municipality: string, year: number) => `DIN van ${municipality}, versie ${year}.`,
    dinCurrent: (year: number) => `Nu geldt versie ${year}.`,
    dinNew: "Deze gemeente heeft nog geen DIN.",
    counts: (o: number, d: number, i: number) => `${o} opgaven, ${d} doelen, ${i} indicatoren.`,
    added: "Nieuwe indicatoren",
    retired: "Indicatoren die vervallen",
    confirm: "Importeren",
    cancel: "Annuleren",
    again: "Kies een ander bestand",
    doneTitle: "Geïmporteerd",
    announced: "De veranderingen worden gemeld in de gekoppelde kanalen.",
    toChanges: "Naar de veranderingen",
    dinDone: (status: string) => ({ created: "De DIN is opgeslagen.", updated: "De DIN is bijgewerkt.", unchanged: "De DIN was al zo opgeslagen." })[status] ?? status,
    expired: "Dit voorbeeld is verlopen of al geïmporteerd. Kies het bestand opnieuw.",
    noFile: "Kies eerst een bestand.",
    tooLarge: "Het bestand is groter dan 5 MB; er is niets opgeslagen.",
    unknownKind: (name: string) => `${name}: onbekend soort bestand. Gebruik .yaml/.yml voor een DIN, .csv, .txt of .json voor cijfers.`,
    csrf: "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
  },
  en: {
    title: "Import",
    intro: "Choose a DIN file (din.yaml) or a file of figures (CSV or JSON). You first see what changes; nothing is saved until you click Import.",
    file: "File",
    fileHelp: "din.yaml, .csv, .txt (Excel: Unicode text) or .json; at most 5 MB.",
    gemeente: "Municipality",
    preview: "See what changes",
    previewTitle: (file: string) => `Preview: ${file}`,
    errorsTitle: (file: string) => `${file} has errors`,
    invalid: (n: number) => `${n} error(s) found; nothing was saved.`,
    more: (n: number) => `… and ${n} more error(s), not shown.`,
    warnings: "Warnings",
    figures: (n: number, c: number, u: number) => `${n} new value(s), ${c} correction(s), ${u} unchanged.`,
    metadata: (m: number) => `${m} value(s) with another source or note.`,
    context: (m: number) => `${m} comparison or breakdown value(s).`,
    nothing: "This file brings nothing new: every value is stored like this already.",
    changes: "Changes",
    newsOf: (shown: number, all: number) => `The newest period per indicator and every correction: ${shown} of the ${all} changes.`,
    moreChanges: (n: number) => `… and ${n} more, not shown.`,
    din: (municipality: string, year: number) => `DIN of ${municipality}, version ${year}.`,
    dinCurrent: (year: number) => `Version ${year} is in force now.`,
    dinNew: "This municipality has no DIN yet.",
    counts: (o: number, d: number, i: number) => `${o} tasks, ${d} goals, ${i} indicators.`,
    added: "New indicators",
    retired: "Indicators that are dropped",
    confirm: "Import",
    cancel: "Cancel",
    again: "Choose another file",
    doneTitle: "Imported",
    announced: "The changes are announced in the linked channels.",
    toChanges: "To the changes",
    dinDone: (status: string) => ({ created: "The DIN was saved.", updated: "The DIN was updated.", unchanged: "The DIN was stored like this already." })[status] ?? status,
    expired: "This preview has expired or was imported already. Choose the file again.",
    noFile: "Choose a file first.",
    tooLarge: "The file is larger than 5 MB; nothing was saved.",
    unknownKind: (name: string) => `${name}: unknown kind of file. Use .yaml/.yml for a DIN, .csv, .txt or .json for figures.`,
    csrf: "The form has expired. Reload the page and try again.",
  },
};

export type ImportTexts = (typeof TEXT)["nl"];

export function importTexts(ctx: PageContext): ImportTexts {
  return TEXT[ctx.lang];
}

/** The upload form, with an optional message above it. */
export function importFormPage(ctx: PageContext, input: { gemeenten: string[]; message?: string }): Html {
  const t = TEXT[ctx.lang];
  const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
${input.message ? html`<p class="error" role="alert">${input.message}</p>` : ""}
<form method="post" action="/import" enctype="multipart/form-data" class="stack">
<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrf}">
${input.gemeenten.length > 1 ? html`<label for="gemeente">${t.gemeente}</label>
<select id="gemeente" name="gemeente">${input.gemeenten.map((g) => html`<option value="${g}">${g}</option>`)}</select>` : ""}
<label for="bestand">${t.file}</label>
<input id="bestand" name="bestand" type="file" accept=".yaml,.yml,.csv,.txt,.json" required aria-describedby="bestand-hulp">
<p id="bestand-hulp" class="detail">${t.fileHelp}</p>
<button type="submit">${t.preview}</button>
</form>`;
  return page(ctx, { title: t.title, current: "import", body });
}

/** Every problem as `file:line: field: message`, exactly as the CLI prints it. */
export function issuesPage(ctx: PageContext, fileName: string, issues: readonly ValidationIssue[]): Html {
  const t = TEXT[ctx.lang];
  const shown = issues.slice(0, MAX_SHOWN_ISSUES);
  const body = html`<h1>${t.errorsTitle(fileName)}</h1>
<p class="error" role="alert">${t.invalid(issues.length)}</p>
<ul class="issues">${shown.map((i) => html`<li><code>${formatIssue(i, ctx.lang)}</code></li>`)}</ul>
${issues.length > shown.length ? html`<p>${t.more(issues.length - shown.length)}</p>` : ""}
<p><a href="/import">${t.again}</a></p>`;
  return page(ctx, { title: t.errorsTitle(fileName), current: "import", body });
}

function warningsList(ctx: PageContext, warnings: readonly ValidationIssue[]): Html {
  if (warnings.length === 0) return html``;
  return html`<h2>${TEXT[ctx.lang].warnings}</h2><ul>${warnings.slice(0, MAX_SHOWN_ISSUES).map((w) => html`<li><code>${formatIssue(w, ctx.lang)}</code></li>`)}</ul>`;
}

/** Changes listed on the import's pages; the rest is counted (a backfill of 50,000 values would be a page of megabytes). */
export const MAX_SHOWN_CHANGES = 50;

/**
 * What an import changed, as news: the newest period per indicator and every correction (the import's
 * `news`, what the announcement gets), at most MAX_SHOWN_CHANGES of them, with how many there were in all.
 */
export function changeList(ctx: PageContext, result: { news: readonly IndicatorChange[]; changeCount: number }, indicators: ReadonlyMap<string, Indicator>): Html {
  const t = TEXT[ctx.lang];
  const { news, changeCount } = result;
  if (news.length === 0) return html``;
  const shown = news.slice(0, MAX_SHOWN_CHANGES);
  return html`<h2>${t.changes}</h2>${news.length < changeCount ? html`<p>${t.newsOf(news.length, changeCount)}</p>` : ""}<ul class="changes">${shown.map((c) => {
    const ind = indicators.get(c.indicatorId);
    if (!ind) return "";
    const parts = describeChangeParts(c, ind, ctx.lang, "intern");
    return html`<li>${ind.name}: <strong>${parts.value}</strong> · ${[...parts.changes, ...(parts.target ? [parts.target] : [])].join(" · ")}</li>`;
  })}</ul>${news.length > shown.length ? html`<p>${t.moreChanges(news.length - shown.length)}</p>` : ""}`;
}

/** The preview with the confirmation form; `summary` is what the import would do, in words and lists. */
export function previewPage(ctx: PageContext, input: { fileName: string; token?: string; summary: Html; warnings: readonly ValidationIssue[] }): Html {
  const t = TEXT[ctx.lang];
  const body = html`<h1>${t.previewTitle(input.fileName)}</h1>
${input.summary}
${warningsList(ctx, input.warnings)}
${input.token ? html`<form method="post" action="/import/bevestigen">
<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrf}">
<input type="hidden" name="token" value="${input.token}">
<button type="submit">${t.confirm}</button> <a href="/import">${t.cancel}</a>
</form>` : html`<p><a href="/import">${t.title}</a></p>`}`;
  return page(ctx, { title: t.previewTitle(input.fileName), current: "import", body });
}

export function donePage(ctx: PageContext, input: { summary: Html }): Html {
  const t = TEXT[ctx.lang];
  const body = html`<h1>${t.doneTitle}</h1>${input.summary}<p><a href="/veranderingen">${t.toChanges}</a></p>`;
  return page(ctx, { title: t.doneTitle, current: "import", body });
}
