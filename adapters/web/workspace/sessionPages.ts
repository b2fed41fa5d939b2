/**
 * The staff pages around a session thread: the session page itself (threadPage.ts plus the
 * facilitator's guest links), the conclusion form (the neutral form of draftConclusion as HTML) and the
 * page that shows a new guest link once.
 */
import type { NeutralForm } from "../../../src/app/messages/message.ts";
import type { GuestLinkSummary } from "../../../src/app/sessions/index.ts";
import { GUEST_LINK_DAYS } from "../../../src/app/sessions/index.ts";
import { formatDate, type Lang } from "../../../src/domain/format.ts";
import { PERSPECTIVES } from "../../../src/domain/sessionRules.ts";
import { perspectiveLabel } from "../../../src/domain/sessionText.ts";
import { html, type Html } from "./html.ts";
import { page, type PageContext } from "./layout.ts";
import { SESSION_TEXTS } from "./sessionTexts.ts";
import { formFields, threadBody, type ThreadPageInput } from "./threadPage.ts";

export async function sessionPage(ctx: PageContext, input: Omit<ThreadPageInput, "lang" | "csrf">): Promise<Html> {
  const body = await threadBody({ ...input, lang: ctx.lang, csrf: ctx.csrf });
  return page(ctx, { title: input.view.session.title, body });
}

/**
 * A session's guest links (label, created, last used, valid until or revoked) with a revoke button each;
 * on the session page, and per session on /kanalen (`back`: where the revocation returns to).
 */
export function guestLinkList(ctx: PageContext, sessionId: number, links: readonly GuestLinkSummary[], back?: "kanalen"): Html {
  const t = SESSION_TEXTS[ctx.lang];
  const lang = ctx.lang;
  const base = `/sessie/${sessionId}/gastlinks`;
  const item = (l: GuestLinkSummary) => {
    const label = l.label ? perspectiveLabel(l.label, lang) : t.noLabel;
    const used = l.lastUsedAt ? `${t.lastUsed} ${formatDate(l.lastUsedAt, lang)}` : t.neverUsed;
    const state = l.revokedAt ? html`<strong>${t.revoked}</strong> ${formatDate(l.revokedAt, lang)}` : html`${t.expires} ${formatDate(l.expiresAt, lang)}`;
    const revoke = l.revokedAt
      ? ""
      : html`<form method="post" action="${base}/${l.publicId}/intrekken" class="inline">${formFields(ctx.csrf)}${back ? html`<input type="hidden" name="terug" value="${back}">` : ""}<button type="submit" class="danger" aria-label="${t.revoke}: ${t.linkFor(label)} (${l.publicId})">${t.revoke}</button></form>`;
    return html`<li>${t.linkFor(label)} <span class="detail">(${l.publicId}) · ${t.created} ${formatDate(l.createdAt, lang)} · ${used} · ${state}</span> ${revoke}</li>`;
  };
  return links.length === 0 ? html`<p class="muted">${t.noLinks}</p>` : html`<ul>${links.map(item)}</ul>`;
}

export function guestLinksSection(ctx: PageContext, sessionId: number, links: readonly GuestLinkSummary[]): Html {
  const t = SESSION_TEXTS[ctx.lang];
  const lang = ctx.lang;
  const base = `/sessie/${sessionId}/gastlinks`;
  return html`<section aria-labelledby="gastlinks" class="guest-links"><h2 id="gastlinks">${t.guestLinks}</h2>
<p>${t.guestLinksIntro}</p>
${guestLinkList(ctx, sessionId, links)}
<form method="post" action="${base}" class="stack">${formFields(ctx.csrf)}
<label for="label">${t.label}</label>
<select id="label" name="label"><option value="">${t.noLabel}</option>${PERSPECTIVES.map((p) => html`<option value="${p}">${perspectiveLabel(p, lang)}</option>`)}</select>
<label for="dagen">${t.validDays}</label>
<input id="dagen" name="days" type="number" min="1" max="${GUEST_LINK_DAYS.max}" value="${GUEST_LINK_DAYS.default}" inputmode="numeric">
<button type="submit">${t.makeLink}</button>
</form>
<h3 id="samenvatting-kop">${t.shareTitle}</h3>
<form method="post" action="/sessie/${sessionId}/samenvatting" class="stack wide">${formFields(ctx.csrf)}
<label for="samenvatting">${t.shareLabel}</label>
<textarea id="samenvatting" name="text" rows="4" required maxlength="3000"></textarea>
<button type="submit">${t.share}</button>
</form></section>`;
}

export function linkCreatedPage(ctx: PageContext, sessionId: number, url: string, expiresAt: Date): Html {
  const t = SESSION_TEXTS[ctx.lang];
  return page(ctx, {
    title: t.linkCreated,
    body: html`<h1>${t.linkCreated}</h1>
<p>${t.linkCreatedHelp}</p>
<p><label for="link">${t.linkCreated}</label><br><input id="link" class="wide" type="text" readonly value="${url}"></p>
<p class="detail">${t.expires} ${formatDate(expiresAt, ctx.lang)}</p>
<p><a href="/sessie/${sessionId}#gastlinks">${t.backToSession}</a></p>`,
  });
}

/** A NeutralForm as an HTML form: labels tied to their fields, hints and errors linked by aria-describedby. */
export function formPage(ctx: PageContext, form: NeutralForm, input: { action: string; back: string; errors?: Record<string, string>; values?: Record<string, string> }): Html {
  const t = SESSION_TEXTS[ctx.lang];
  const errors = input.errors ?? {};
  const fieldId = (id: string) => `f-${id.replace(/[^a-z0-9]/gi, "-")}`;
  const field = (f: NeutralForm["fields"][number]) => {
    const id = fieldId(f.id);
    const value = input.values?.[f.id] ?? ("initial" in f ? f.initial : undefined) ?? "";
    const error = errors[f.id];
    const described = [("hint" in f && f.hint) ? `${id}-hint` : "", error ? `${id}-fout` : ""].filter(Boolean).join(" ");
    const aria = described ? html` aria-describedby="${described}"` : "";
    const hint = "hint" in f && f.hint ? html`<span class="detail" id="${id}-hint">${f.hint}</span>` : "";
    const err = error ? html`<span class="error" id="${id}-fout">${error}</span>` : "";
    let control: Html;
    if (f.type === "select") control = html`<select id="${id}" name="${f.id}"${aria}>${f.options.map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ""}>${o.label}</option>`)}</select>`;
    else if (f.type === "date") control = html`<input id="${id}" name="${f.id}" type="date" value="${value}"${aria}>`;
    else if (f.multiline) control = html`<textarea id="${id}" name="${f.id}" rows="5"${aria}>${value}</textarea>`;
    else control = html`<input id="${id}" name="${f.id}" type="text" value="${value}"${aria}>`;
    return html`<label for="${id}">${f.label}</label>${hint}${control}${err}`;
  };
  const summary = Object.keys(errors).length > 0 ? html`<div role="alert"><p class="error">${t.formErrors}</p><ul>${Object.values(errors).map((e) => html`<li>${e}</li>`)}</ul></div>` : "";
  return page(ctx, {
    title: form.title,
    body: html`<h1>${form.title}</h1>${summary}
<form method="post" action="${input.action}" class="stack wide">${formFields(ctx.csrf)}<input type="hidden" name="state" value="${form.state}">
${form.fields.map(field)}
<button type="submit" class="primary">${form.submitLabel}</button></form>
<p><a href="${input.back}">${t.backToSession}</a></p>`,
  });
}

export const issueText = (issue: { message: string; messageEn: string }, lang: Lang) => (lang === "nl" ? issue.message : issue.messageEn);

/** A page of one message: "try again", "not found" and the like. */
export function messagePage(ctx: PageContext, key: "tryAgain" | "sessionNotFound"): Html {
  const t = SESSION_TEXTS[ctx.lang];
  return page(ctx, { title: t[key], body: html`<h1>${t[key]}</h1><p><a href="/">Duidbot</a></p>` });
}

/** "Start duiding" on an indicator or doel page: startSession from the web's own channel. */
export function startForm(ctx: PageContext, subject: { kind: "indicator" | "doel"; id: string }, dinSlug: string): Html {
  const label = ctx.lang === "nl" ? "Start duiding" : "Start interpretation";
  return html`<form method="post" action="/sessie/start" class="inline">${formFields(ctx.csrf)}<input type="hidden" name="kind" value="${subject.kind}"><input type="hidden" name="id" value="${subject.id}"><input type="hidden" name="din" value="${dinSlug}"><button type="submit" class="primary">${label}</button></form>`;
}
