/**
 * Admins give people roles on /kanalen (issue #19): a person's key (web:<oid> as the sign-in shows it,
 * slack:U…, teams:…), name, roles and perspective, saved by setPersonRoles from the web's own channel,
 * exactly as the chat command does (source "chat": a later duidbot.yaml change for that key wins).
 */
import type { Request, Response, Router } from "express";
import { z } from "zod";
import { setPersonRoles, type ChannelSettings } from "../../../src/app/sessions/index.ts";
import type { SessionDeps } from "../../../src/app/sessions/index.ts";
import { personKey } from "../../../src/domain/duidbotConfig.ts";
import { PERSPECTIVES, ROLES } from "../../../src/domain/sessionRules.ts";
import { perspectiveLabel } from "../../../src/domain/sessionText.ts";
import type { Gate, WebUser } from "./access.ts";
import { html, type Html } from "./html.ts";
import type { PageContext } from "./layout.ts";
import { CSRF_FIELD, csrfValid } from "./security.ts";
import { formFields } from "./threadPage.ts";
import { outcomeKey, outcomeText, sessionForm } from "./webThreads.ts";

const TEXT = {
  nl: { title: "Rollen geven", key: "Sleutel van de persoon", keyHint: "Bijvoorbeeld web:<id> (zie de naam rechtsboven na inloggen), slack:U0123 of teams:…", name: "Naam", roles: "Rollen", perspective: "Perspectief", none: "geen", save: "Opslaan", bad: "Die sleutel klopt niet." },
  en: { title: "Give roles", key: "The person's key", keyHint: "For example web:<id> (see the name at the top right after signing in), slack:U0123 or teams:…", name: "Name", roles: "Roles", perspective: "Perspective", none: "none", save: "Save", bad: "That key is not right." },
} as const;

const roleNames = { nl: { facilitator: "gespreksleider", adopter: "vaststeller", admin: "beheerder" }, en: { facilitator: "facilitator", adopter: "adopter", admin: "admin" } } as const;

export function peopleForm(ctx: PageContext, outcome?: unknown): Html {
  const t = TEXT[ctx.lang];
  const said = outcomeText(outcome, ctx.lang);
  return html`<section aria-labelledby="rollen"><h2 id="rollen">${t.title}</h2>
${said ? html`<p class="notice" role="status">${said}</p>` : ""}
<form method="post" action="/kanalen/personen" class="stack">${formFields(ctx.csrf)}
<label for="persoon">${t.key}</label><span class="detail" id="persoon-uitleg">${t.keyHint}</span>
<input id="persoon" name="key" type="text" required maxlength="200" aria-describedby="persoon-uitleg">
<label for="persoon-naam">${t.name}</label><input id="persoon-naam" name="name" type="text" required maxlength="100">
<fieldset><legend>${t.roles}</legend>${ROLES.map((r) => html`<label><input type="checkbox" name="roles" value="${r}"> ${roleNames[ctx.lang][r]}</label><br>`)}</fieldset>
<label for="persoon-perspectief">${t.perspective}</label>
<select id="persoon-perspectief" name="perspective"><option value="">${t.none}</option>${PERSPECTIVES.map((p) => html`<option value="${p}">${perspectiveLabel(p, ctx.lang)}</option>`)}</select>
<button type="submit">${t.save}</button>
</form></section>`;
}

const Person = z.object({
  [CSRF_FIELD]: z.string(),
  event: z.string().uuid(),
  key: personKey,
  name: z.string().trim().min(1).max(100),
  roles: z.union([z.enum(ROLES), z.array(z.enum(ROLES))]).optional(),
  perspective: z.union([z.literal(""), z.enum(PERSPECTIVES)]),
});

export function registerPeopleRoutes(router: Router, deps: SessionDeps, h: { gate: Gate; face(): Promise<ChannelSettings> }): void {
  router.post("/kanalen/personen", h.gate.require, sessionForm, async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!csrfValid(req, body[CSRF_FIELD])) return void res.status(403).type("text/plain").send("Formulier verlopen; laad de pagina opnieuw / form expired, reload the page");
    const parsed = Person.safeParse(body);
    if (!parsed.success) return void res.redirect(303, "/kanalen?uitkomst=invalid#rollen");
    const user = res.locals.user as WebUser;
    const { key, name, roles, perspective, event } = parsed.data;
    const result = await setPersonRoles(deps, {
      eventId: event,
      actor: { user: { key: user.key, name: user.name }, channel: (await h.face()).key },
      person: { key, name },
      roles: roles === undefined ? [] : Array.isArray(roles) ? roles : [roles],
      ...(perspective !== "" ? { perspective } : {}),
    });
    // "saved" alone is the conclusion's text in the catalogue: this one says what was saved.
    const outcome = result.status === "saved" ? "saved:person" : outcomeKey(result);
    res.redirect(303, `/kanalen?uitkomst=${encodeURIComponent(outcome)}#rollen`);
  });
}
