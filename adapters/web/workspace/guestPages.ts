/**
 * The guest's pages (issue #19), in the bare shell without staff navigation: the welcome with a short
 * notice in plain Dutch (B1) of how their words are used and a name field, the thread itself, and the
 * friendly pages for a link that is unknown, revoked or expired (which then do nothing).
 */
import { html, type Html } from "./html.ts";
import { page, type PageContext } from "./layout.ts";
import { SESSION_TEXTS } from "./sessionTexts.ts";
import { formFields, threadBody, type ThreadPageInput } from "./threadPage.ts";

export function welcomePage(ctx: PageContext, publicId: string, title: string, error?: string): Html {
  const t = SESSION_TEXTS[ctx.lang];
  return page(ctx, {
    bare: true,
    title: t.welcomeTitle,
    body: html`<h1>${t.welcomeTitle}</h1>
<p class="lead">${t.welcome}</p>
<p><strong>${title}</strong></p>
<section aria-labelledby="gebruik" class="notice"><h2 id="gebruik">${t.howUsedTitle}</h2>
<ul>${t.howUsed.map((line) => html`<li>${line}</li>`)}</ul></section>
<form method="post" action="/gast/${publicId}/naam" class="stack">${formFields(ctx.csrf)}
<label for="naam">${t.nameLabel}</label>
<span class="detail" id="naam-uitleg">${t.nameHint}</span>
${error ? html`<span class="error" id="naam-fout" role="alert">${error}</span>` : ""}
<input id="naam" name="name" type="text" required maxlength="60" autocomplete="nickname" aria-describedby="naam-uitleg${error ? " naam-fout" : ""}">
<button type="submit" class="primary">${t.start}</button>
</form>`,
  });
}

export async function guestThreadPage(ctx: PageContext, publicId: string, name: string, input: Omit<ThreadPageInput, "lang" | "csrf">): Promise<Html> {
  const t = SESSION_TEXTS[ctx.lang];
  const body = await threadBody({ ...input, lang: ctx.lang, csrf: ctx.csrf });
  return page(ctx, {
    bare: true,
    title: input.view.session.title,
    body: html`<p class="detail">${t.youAre(name)}</p>${body}
<form method="post" action="/gast/${publicId}/stoppen" class="inline">${formFields(ctx.csrf)}<button type="submit" class="secondary" aria-describedby="stoppen-uitleg">${t.leave}</button> <span class="detail" id="stoppen-uitleg">${t.leaveHint}</span></form>`,
  });
}

export type LinkProblem = "unknown" | "revoked" | "expired" | "guestOnly" | "tooMany" | "stopped";

export function linkProblemPage(ctx: PageContext, problem: LinkProblem, back?: string): Html {
  const t = SESSION_TEXTS[ctx.lang];
  const pages: Record<LinkProblem, { title: string; text: string }> = {
    unknown: { title: t.linkUnknownTitle, text: t.linkUnknown },
    revoked: { title: t.linkRevokedTitle, text: t.linkRevoked },
    expired: { title: t.linkExpiredTitle, text: t.linkExpired },
    guestOnly: { title: t.guestOnlyTitle, text: t.guestOnly },
    tooMany: { title: t.tooMany, text: "" },
    stopped: { title: t.stoppedTitle, text: t.stopped },
  };
  const { title, text } = pages[problem];
  return page(ctx, { bare: true, title, body: html`<h1>${title}</h1>${text ? html`<p>${text}</p>` : ""}${back ? html`<p><a href="${back}">${t.toGuestPage}</a></p>` : ""}` });
}
