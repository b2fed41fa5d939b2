/**
 * A session as a thread, for staff (/sessie/<id>) and guests (/gast/<link>): the root with its charts,
 * the current question with its guidance, a form to contribute (to the current or another question),
 * and the contributions per question, one's own with edit and withdraw. Plain forms that post and
 * redirect back (POST-redirect-GET): everything works without JavaScript. Each form carries a fresh
 * event id, so a form sent twice (a double click, a reload of the POST) counts once.
 */
import { ACTION_STATUSES, actionStatusLabel } from "../../../src/domain/actionStatus.ts";
import type { ActionRecord } from "../../../src/app/sessions/ports.ts";
import { createHash, randomUUID } from "node:crypto";
import type { ChartRenderer } from "../../../src/app/charts.ts";
import type { MessageAction } from "../../../src/app/messages/message.ts";
import type { ThreadViewResult, ViewedContribution } from "../../../src/app/sessions/index.ts";
import { QUESTIONS, type Question } from "../../../src/domain/session.ts";
import { perspectiveLabel, questionText } from "../../../src/domain/sessionText.ts";
import { formatDate, type Lang } from "../../../src/domain/format.ts";
import { renderMessage } from "../render/message.ts";
import { html, type Html } from "./html.ts";
import { CSRF_FIELD } from "./security.ts";
import { conclusionBlock, sharedBlock } from "./sessionsSection.ts";
import { SESSION_TEXTS } from "./sessionTexts.ts";

export type OkView = Extract<ThreadViewResult, { status: "ok" }>;

export interface ThreadPageInput {
  view: OkView;
  lang: Lang;
  csrf: string;
  /** "/sessie/12" or "/gast/<publicId>": every form posts below it. */
  base: string;
  charts: ChartRenderer;
  /** A one-line outcome of the last action (shown as a status message). */
  flash?: string;
  /** More sections (the facilitator's guest links). */
  extra?: Html;
}

/** The hidden fields every form carries: the CSRF token and a fresh event id. */
export function formFields(csrf: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}"><input type="hidden" name="event" value="${randomUUID()}">`;
}

function button(input: ThreadPageInput, action: MessageAction): Html | undefined {
  if (action.id === "session.contributeOther") return html`<a class="button secondary" href="#bijdrage">${action.label}</a>`;
  // The page has its own guest-link form (label, days) and start button; not these chat buttons.
  // Nor the summary button: the page has its own share form.
  if (action.id === "session.start" || action.id === "session.guestLink" || action.id === "session.share") return undefined;
  return html`<form method="post" action="${input.base}/knop" class="inline">${formFields(input.csrf)}<input type="hidden" name="actionId" value="${action.id}"><input type="hidden" name="value" value="${action.value}"><button type="submit"${action.style === "primary" ? html` class="primary"` : ""}>${action.label}</button></form>`;
}

/** The four questions to choose from (a new contribution, or moving one's own: chat's "Bijdrage bij andere vraag"). */
function questionPicker(id: string, selected: Question, lang: Lang): Html {
  return html`<select id="${id}" name="question">${QUESTIONS.map((q) => html`<option value="${q}"${q === selected ? html` selected` : ""}>${questionText(q, lang).label}</option>`)}</select>`;
}

/** Owner or facilitator: set a verbeteractie's status here (setActionStatus refuses anyone else). */
function actionStatusForm(input: ThreadPageInput, a: ActionRecord): Html {
  const options = ACTION_STATUSES.map((s) => html`<option value="${s}"${s === a.status ? html` selected` : ""}>${actionStatusLabel(s, input.lang)}</option>`);
  const submit = input.lang === "en" ? "Save" : "Opslaan";
  return html` <form method="post" action="${input.base}/actie/${a.id}" class="inline">${formFields(input.csrf)}<label>Status <select name="status">${options}</select></label> <button type="submit" class="secondary">${submit}</button></form>`;
}

function contributionItem(input: ThreadPageInput, c: ViewedContribution): Html {
  const t = SESSION_TEXTS[input.lang];
  const lang = input.lang;
  const who = html`<span class="who">${c.author.name} · ${perspectiveLabel(c.perspective, lang)}${c.audience === "gast" ? html` · ${t.guestThread}` : ""}${c.own ? html` · ${t.yours}` : ""} · ${formatDate(c.postedAt, lang)}${c.editedAt ? html` · ${t.edited}` : ""}</span>`;
  if (c.withdrawnAt) return html`<li class="contribution"><span class="withdrawn">${t.withdrawn}</span> ${who}</li>`;
  const path = `${input.base}/bijdrage/${encodeURIComponent(c.messageId)}`;
  const own = c.own
    ? html`<details class="edit"><summary>${t.edit}</summary>
<form method="post" action="${path}/wijzigen" class="stack">${formFields(input.csrf)}
<label for="tekst-${c.id}">${t.newText}</label><textarea id="tekst-${c.id}" name="text" rows="4" required maxlength="4000">${c.text}</textarea>
<label for="vraag-${c.id}">${t.question}</label>${questionPicker(`vraag-${c.id}`, c.question, input.lang)}
<button type="submit">${t.save}</button></form></details>
<form method="post" action="${path}/intrekken" class="inline">${formFields(input.csrf)}<button type="submit" class="danger">${t.withdraw}</button></form>`
    : "";
  return html`<li class="contribution"><p class="message-text">${c.text}</p>${who}${own}</li>`;
}

function contributeForm(input: ThreadPageInput): Html {
  const t = SESSION_TEXTS[input.lang];
  const current = input.view.session.current;
  return html`<section aria-labelledby="bijdrage-kop" id="bijdrage" class="contribute">
<h2 id="bijdrage-kop">${t.writeTitle}</h2>
<form method="post" action="${input.base}/bijdrage" class="stack">${formFields(input.csrf)}
<p class="detail" id="bijdrage-uitleg">${t.contributeHint}</p>
<label for="vraag">${t.question}</label>
${questionPicker("vraag", current, input.lang)}
<label for="tekst">${t.contribute}</label>
<textarea id="tekst" name="text" rows="5" required maxlength="4000" aria-describedby="bijdrage-uitleg"></textarea>
<button type="submit" class="primary">${t.send}</button>
</form></section>`;
}

/**
 * What the page shows, as a short fingerprint: /stand answers it, and the page's script (assets/sessie.js)
 * offers a reload when it changed (new or changed contributions, another question, a conclusion).
 */
export function viewVersion(view: OkView): string {
  const parts = [
    view.session.status,
    view.session.current,
    ...view.contributions.map((c) => `${c.id}:${c.editedAt?.getTime() ?? ""}:${c.withdrawnAt?.getTime() ?? ""}:${c.question}`),
    view.conclusion ? `${view.conclusion.status}:${view.conclusion.current.version}` : "",
    view.closing ? "closed" : "",
    String(view.summaries.length),
    String(view.shared.length),
  ];
  return createHash("sha256").update(parts.join("|")).digest("base64url").slice(0, 16);
}

export async function threadBody(input: ThreadPageInput): Promise<Html> {
  const { view, lang } = input;
  const t = SESSION_TEXTS[lang];
  const action = (a: MessageAction) => button(input, a);
  const root = await renderMessage(view.root, { charts: input.charts, headerLevel: 1, action });
  const question = view.question ? await renderMessage(view.question, { charts: input.charts, headerLevel: 2, action: () => undefined }) : undefined;
  const summaries: Html[] = [];
  for (const m of view.summaries) summaries.push(await renderMessage(m, { charts: input.charts, headerLevel: 2, action: () => undefined }));
  const closing = view.closing ? await renderMessage(view.closing, { charts: input.charts, headerLevel: 2, action: () => undefined }) : undefined;
  return html`${input.flash ? html`<p class="notice" role="status">${input.flash}</p>` : ""}
<p class="notice" id="nieuws" role="status" hidden>${t.news} <a href="${input.base}">${t.reload}</a></p>
<p class="sr-only" id="bijgewerkt" role="status" data-tekst="${t.updated}"></p>
<article class="thread" data-stand="${input.base}/stand" data-versie="${viewVersion(view)}">
<div class="root">${root}</div>
${question ? html`<section class="current-question" aria-label="${t.currentQuestion}">${question}</section>` : ""}
${closing ? html`<section class="closing">${closing}</section>` : ""}
${summaries.map((m) => html`<section class="closing">${m}</section>`)}
${contributeForm(input)}
<section aria-labelledby="bijdragen-kop"><h2 id="bijdragen-kop">${t.contributions}</h2>
${QUESTIONS.map((q) => {
  const own = view.contributions.filter((c) => c.question === q);
  return html`<section class="question" aria-labelledby="vraag-${q}"><h3 id="vraag-${q}">${questionText(q, lang).label}</h3>
${own.length === 0 ? html`<p class="muted">${t.noContributions}</p>` : html`<ul class="contributions">${own.map((c) => contributionItem(input, c))}</ul>`}</section>`;
})}
</section>
${view.conclusion ? conclusionBlock(view.conclusion, view.actions, lang, (a) => actionStatusForm(input, a)) : ""}
${sharedBlock(view.shared, lang, 2)}
${input.extra ?? ""}
</article>
<script src="/assets/sessie.js" defer></script>`;
}
