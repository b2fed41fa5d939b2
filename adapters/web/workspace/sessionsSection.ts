/**
 * The duiding sessions about an indicator or doel, as staff see them: per session its status, the
 * contributions per question (name, perspective, channel audience; withdrawn ones without their words),
 * the conclusion with its verbeteracties, and the summaries shared with the guests.
 */
import { QUESTIONS } from "../../../src/domain/session.ts";
import { perspectiveLabel, questionText } from "../../../src/domain/sessionText.ts";
import { formatDate, type Lang } from "../../../src/domain/format.ts";
import { formatPeriodKey } from "../../../src/app/sessions/periods.ts";
import type { SessionView } from "../../../src/app/workspace/indicatorDetail.ts";
import { actionStatusLabel } from "../../../src/domain/actionStatus.ts";
import type { ConclusionRecord, ActionRecord } from "../../../src/app/sessions/ports.ts";
import type { SharedSummary } from "../../../src/app/sessions/index.ts";
import { html, type Html } from "./html.ts";

const TEXT = {
  nl: {
    sessions: "Duidingssessies",
    none: "Over deze cijfers is nog geen duidingssessie gestart. Start er een hier of in een gekoppeld kanaal met /duiding start.",
    open: (q: string) => `loopt · huidige vraag: ${q}`,
    closed: (d: string) => `afgerond op ${d}`,
    opened: (d: string) => `gestart op ${d}`,
    noContributions: "nog geen bijdragen",
    withdrawn: "ingetrokken",
    edited: "bewerkt",
    conclusion: "Conclusie",
    draft: "concept, nog niet vastgesteld",
    adopted: (d: string, version: number) => `vastgesteld op ${d}${version > 1 ? ` (versie ${version})` : ""}`,
    overall: "Samenvattend",
    actions: "Verbeteracties",
    owner: "eigenaar",
    due: "uiterlijk",
    guestThread: "gastkanaal",
    shared: "Gedeeld met de gasten",
    sharedWith: (d: string, channels: string) => `${d} · met ${channels}`,
  },
  en: {
    sessions: "Interpretation sessions",
    none: "No interpretation session has been started about these figures yet. Start one here or in a linked channel with /duiding start.",
    open: (q: string) => `open · current question: ${q}`,
    closed: (d: string) => `closed on ${d}`,
    opened: (d: string) => `started on ${d}`,
    noContributions: "no contributions yet",
    withdrawn: "withdrawn",
    edited: "edited",
    conclusion: "Conclusion",
    draft: "draft, not yet adopted",
    adopted: (d: string, version: number) => `adopted on ${d}${version > 1 ? ` (version ${version})` : ""}`,
    overall: "Overall",
    actions: "Improvement actions",
    owner: "owner",
    due: "due",
    guestThread: "guest channel",
    shared: "Shared with the guests",
    sharedWith: (d: string, channels: string) => `${d} · with ${channels}`,
  },
} as const;

/** A small form per action to set its status (the session page, for staff); the use case decides who may. */
export type ActionStatusForm = (action: ActionRecord) => Html;

function actionsList(actions: readonly ActionRecord[], lang: Lang, statusForm?: ActionStatusForm): Html {
  const t = TEXT[lang];
  if (actions.length === 0) return html``;
  return html`<h5 id="verbeteracties">${t.actions}</h5><ul class="actions">${actions.map(
    (a) => html`<li>${a.id !== undefined ? html`<span class="detail">#${a.id}</span> ` : ""}${a.text} <span class="detail">(${t.owner}: ${a.owner}${a.due ? html` · ${t.due} ${a.due}` : ""} · <span class="action-status">${actionStatusLabel(a.status, lang)}</span>)</span>${statusForm && a.id !== undefined ? statusForm(a) : ""}</li>`,
  )}</ul>`;
}

export function conclusionBlock(conclusion: ConclusionRecord, actions: readonly ActionRecord[], lang: Lang, statusForm?: ActionStatusForm): Html {
  const t = TEXT[lang];
  const c = conclusion.current;
  const state = conclusion.status === "adopted" && c.adoptedAt ? t.adopted(formatDate(c.adoptedAt, lang), c.version) : t.draft;
  return html`<div class="conclusion">
<h4>${t.conclusion} <span class="detail">(${state})</span></h4>
<dl>${QUESTIONS.map((q) => (c.texts[q] ? html`<dt>${questionText(q, lang).label}</dt><dd>${c.texts[q]}</dd>` : ""))}
${c.texts.overall ? html`<dt>${t.overall}</dt><dd>${c.texts.overall}</dd>` : ""}</dl>
${actionsList(actions, lang, statusForm)}
</div>`;
}

/** What staff shared with the guest threads (shareSummary): when, with which threads, the words. */
export function sharedBlock(shared: readonly SharedSummary[], lang: Lang, level: 2 | 4 = 4): Html {
  const t = TEXT[lang];
  if (shared.length === 0) return html``;
  const heading = level === 2 ? html`<h2 id="gedeeld">${t.shared}</h2>` : html`<h4>${t.shared}</h4>`;
  return html`<section class="shared"${level === 2 ? html` aria-labelledby="gedeeld"` : html` aria-label="${t.shared}"`}>${heading}
<ul>${shared.map((s) => html`<li><span class="detail">${t.sharedWith(formatDate(s.at, lang), s.channels.join(", "))}</span><p class="message-text">${s.text}</p></li>`)}</ul></section>`;
}

function sessionBlock(view: SessionView, lang: Lang): Html {
  const t = TEXT[lang];
  const s = view.session;
  const status = s.status === "open" ? t.open(questionText(s.current, lang).label) : t.closed(formatDate(s.closedAt ?? s.openedAt, lang));
  const periods = [...new Set(s.indicators.map((i) => formatPeriodKey(i.period, lang)))].join(", ");
  const heading = html`<a href="/sessie/${s.id}">${s.title}</a> <span class="detail">(${periods})</span>`;
  return html`<article class="session" id="sessie-${s.id}" aria-labelledby="sessie-${s.id}-titel">
<h3 id="sessie-${s.id}-titel">${heading}</h3>
<p class="detail">${status} · ${t.opened(formatDate(s.openedAt, lang))}</p>
${QUESTIONS.map((q) => {
  const own = view.contributions.filter((c) => c.question === q);
  return html`<section class="question" aria-label="${questionText(q, lang).label}">
<h4>${questionText(q, lang).label}</h4>
${own.length === 0 ? html`<p class="muted">${t.noContributions}</p>` : html`<ul>${own.map((c) => contributionItem(c, lang))}</ul>`}
</section>`;
})}
${view.conclusion ? conclusionBlock(view.conclusion, view.actions, lang) : ""}
${sharedBlock(view.shared, lang)}
</article>`;
}

function contributionItem(c: SessionView["contributions"][number], lang: Lang): Html {
  const t = TEXT[lang];
  const who = html`<span class="who">${c.author.name} · ${perspectiveLabel(c.perspective, lang)}${c.audience === "gast" ? html` · ${t.guestThread}` : ""} · ${formatDate(c.postedAt, lang)}${c.editedAt ? html` · ${t.edited}` : ""}</span>`;
  if (c.withdrawnAt) return html`<li class="contribution"><span class="withdrawn">${t.withdrawn}</span> ${who}</li>`;
  return html`<li class="contribution"><p>${c.text}</p>${who}</li>`;
}

/** `start`: the form that starts a session from the web (sessionPages.ts startForm), when offered. */
export function sessionsSection(sessions: readonly SessionView[], lang: Lang, start?: Html): Html {
  const t = TEXT[lang];
  return html`<section aria-labelledby="sessies"><h2 id="sessies">${t.sessions}</h2>
${start ?? ""}
${sessions.length === 0 ? html`<p>${t.none}</p>` : sessions.map((v) => sessionBlock(v, lang))}
</section>`;
}
