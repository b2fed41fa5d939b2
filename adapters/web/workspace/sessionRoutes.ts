/**
 * The session as a thread in the browser (/sessie/<id>, issue #19). Thin handlers: who (the gate), parse
 * the form (zod), call the same use case Slack calls (recordContribution, editContribution,
 * withdrawContribution, runAction for the buttons, draftConclusion/submitConclusion, the guest links),
 * then redirect back with the outcome (POST-redirect-GET). The web acts in its own channel
 * (webThreads.ts FACE_CHANNEL), so the permission table decides exactly as in a Slack leerkring.
 */
import type { Request, Response, Router } from "express";
import { z } from "zod";
import { runAction } from "../../../src/app/commands/runAction.ts";
import {
  createGuestLink,
  guestLinkUrl,
  startSession,
  shareSummary,
  draftConclusion,
  joinSession,
  listGuestLinks,
  recordContribution,
  revokeGuestLink,
  setActionStatus,
  submitConclusion,
  threadView,
  withdrawContribution,
} from "../../../src/app/sessions/index.ts";
import type { Actor, ChannelSettings } from "../../../src/app/sessions/index.ts";
import type { DetailDeps } from "../../../src/app/workspace/indicatorDetail.ts";
import { QUESTIONS } from "../../../src/domain/session.ts";
import { PERSPECTIVES } from "../../../src/domain/sessionRules.ts";
import { ACTION_STATUSES } from "../../../src/domain/actionStatus.ts";
import type { Gate, WebUser } from "./access.ts";
import type { Html } from "./html.ts";
import type { PageContext } from "./layout.ts";
import { notFoundPage } from "./overviewPage.ts";
import { CSRF_FIELD, csrfValid } from "./security.ts";
import { formPage, guestLinksSection, issueText, linkCreatedPage, messagePage, sessionPage } from "./sessionPages.ts";
import { outcomeKey, outcomeText, rootIdOf, saveOwnContribution, sessionForm } from "./webThreads.ts";
import { viewVersion } from "./threadPage.ts";

export interface SessionRouteHelpers {
  gate: Gate;
  context(req: Request, res: Response): PageContext;
  send(res: Response, status: number, body: Html): void;
  kick(): void;
  face(): Promise<ChannelSettings>;
  /** The address people use (DUIDBOT_PUBLIC_URL), for the links guests get; else the request's own. */
  publicUrl?: string;
}

const Id = z.coerce.number().int().positive();
const Signed = z.object({ [CSRF_FIELD]: z.string(), event: z.string().uuid() });
const Contribute = Signed.extend({ question: z.enum(QUESTIONS), text: z.string().max(4000) });
const Edit = Signed.extend({ text: z.string().max(4000) });
/** The edit form of one's own contribution: the words and the question they belong to. */
const Revise = Edit.extend({ question: z.enum(QUESTIONS).optional() });
const Click = Signed.extend({ actionId: z.enum(["session.next", "session.back", "session.conclude", "session.adopt"]), value: z.string().max(100) });
const NewLink = Signed.extend({ label: z.union([z.literal(""), z.enum(PERSPECTIVES)]), days: z.coerce.number().int() });
const Start = Signed.extend({ kind: z.enum(["indicator", "doel"]), id: z.string().min(1).max(200), din: z.string().min(1).max(100) });
/** A revocation from the session page, or from /kanalen (which it then returns to). */
const Revoke = Signed.extend({ terug: z.literal("kanalen").optional() });
const ActionForm = Signed.extend({ status: z.enum(ACTION_STATUSES) });
const MessageId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/);

export function registerSessionRoutes(router: Router, deps: DetailDeps, h: SessionRouteHelpers): void {
  const actorOf = async (res: Response): Promise<Actor> => {
    const user = res.locals.user as WebUser;
    return { user: { key: user.key, name: user.name }, channel: (await h.face()).key };
  };
  const back = (res: Response, sessionId: number, outcome?: string, anchor = "") =>
    res.redirect(303, `/sessie/${sessionId}${outcome ? `?uitkomst=${encodeURIComponent(outcome)}` : ""}${anchor}`);

  /** Checks CSRF and the form's shape; answers 400/403 itself and returns undefined when wrong. */
  function parse<T extends z.ZodType>(req: Request, res: Response, schema: T): { sessionId: number; body: z.infer<T> } | undefined {
    const sessionId = Id.safeParse(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!csrfValid(req, body[CSRF_FIELD])) {
      res.status(403).type("text/plain").send("Formulier verlopen; laad de pagina opnieuw / form expired, reload the page");
      return undefined;
    }
    const parsed = schema.safeParse(body);
    if (!sessionId.success || !parsed.success) {
      res.status(400).type("text/plain").send(`Ongeldig formulier / invalid form: ${parsed.success ? "id" : parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
      return undefined;
    }
    return { sessionId: sessionId.data, body: parsed.data };
  }

  router.post("/sessie/start", h.gate.require, sessionForm, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = Start.safeParse(body);
    if (!csrfValid(req, body[CSRF_FIELD]) || !parsed.success) return void res.status(parsed.success ? 403 : 400).type("text/plain").send("Ongeldig formulier / invalid form");
    const { kind, id, din, event } = parsed.data;
    const result = await startSession(deps, { eventId: event, actor: await actorOf(res), subject: { kind, id }, dinSlug: din });
    h.kick();
    if (result.status === "started" || result.status === "already-open") return back(res, result.sessionId, outcomeKey(result));
    const place = new URLSearchParams({ gemeente: din, uitkomst: outcomeKey(result) });
    res.redirect(303, `/${kind}/${encodeURIComponent(id)}?${place.toString()}`);
  });

  router.get("/sessie/:id", h.gate.require, async (req, res) => {
    const ctx = h.context(req, res);
    const id = Id.safeParse(req.params.id);
    const face = await h.face();
    const actor = await actorOf(res);
    const view = id.success ? await threadView(deps, { session: { sessionId: id.data }, thread: { channel: face.key, audience: face.audience, lang: ctx.lang }, viewer: actor.user.key }) : { status: "not-found" as const };
    if (view.status !== "ok") return h.send(res, 404, notFoundPage(ctx));
    const links = await listGuestLinks(deps, { actor, session: { sessionId: view.session.id } });
    const flash = outcomeText(req.query.uitkomst, ctx.lang);
    h.send(res, 200, await sessionPage(ctx, {
      view,
      base: `/sessie/${view.session.id}`,
      charts: deps.charts,
      ...(flash ? { flash } : {}),
      ...(links.status === "ok" ? { extra: guestLinksSection(ctx, view.session.id, links.links) } : {}),
    }));
  });

  router.get("/sessie/:id/stand", h.gate.require, async (req, res) => {
    const id = Id.safeParse(req.params.id);
    const face = await h.face();
    const view = id.success ? await threadView(deps, { session: { sessionId: id.data }, thread: { channel: face.key, audience: face.audience, lang: "nl" }, viewer: (await actorOf(res)).user.key }) : undefined;
    if (view?.status !== "ok") return void res.status(404).json({ error: "not-found" });
    res.setHeader("Cache-Control", "no-store").json({ versie: viewVersion(view) });
  });

  router.post("/sessie/:id/bijdrage", h.gate.require, sessionForm, async (req, res) => {
    const form = parse(req, res, Contribute);
    if (!form) return;
    const actor = await actorOf(res);
    const joined = await joinSession(deps, { session: { sessionId: form.sessionId }, channel: actor.channel });
    if (joined.status !== "joined") return back(res, form.sessionId, outcomeKey(joined));
    const threadId = await rootIdOf(deps, joined, form.sessionId, h.kick);
    if (!threadId) return h.send(res, 503, messagePage(h.context(req, res), "tryAgain"));
    const result = await recordContribution(deps, { eventId: form.body.event, channel: actor.channel, threadId, messageId: `w-${form.body.event}`, user: actor.user, text: form.body.text, question: form.body.question, at: deps.clock.now() });
    h.kick();
    back(res, form.sessionId, outcomeKey(result), "#bijdragen-kop");
  });

  const revise = (withdraw: boolean) => async (req: Request, res: Response) => {
    const form = parse(req, res, withdraw ? Signed : Revise);
    if (!form) return;
    const messageId = MessageId.safeParse(req.params.mid);
    if (!messageId.success) return void res.status(400).type("text/plain").send("Ongeldig bericht / invalid message");
    const actor = await actorOf(res);
    // `author`: the web cannot vouch that only authors edit, so the use case checks it.
    const common = { eventId: form.body.event, channel: actor.channel, messageId: messageId.data, author: actor.user.key, at: deps.clock.now() };
    const { text, question } = form.body as z.infer<typeof Revise>;
    const result = withdraw
      ? await withdrawContribution(deps, common)
      : await saveOwnContribution(deps, { event: form.body.event, channel: actor.channel, user: actor.user, messageId: messageId.data, text, ...(question ? { question } : {}), at: common.at });
    h.kick();
    back(res, form.sessionId, outcomeKey(result), "#bijdragen-kop");
  };
  router.post("/sessie/:id/bijdrage/:mid/wijzigen", h.gate.require, sessionForm, revise(false));
  router.post("/sessie/:id/bijdrage/:mid/intrekken", h.gate.require, sessionForm, revise(true));

  router.post("/sessie/:id/knop", h.gate.require, sessionForm, async (req, res) => {
    const form = parse(req, res, Click);
    if (!form) return;
    if (form.body.actionId === "session.conclude") return void res.redirect(303, `/sessie/${form.sessionId}/conclusie`);
    const actor = await actorOf(res);
    const outcome = await runAction(deps, { eventId: form.body.event, actor, actionId: form.body.actionId, value: form.body.value, lang: h.context(req, res).lang });
    h.kick();
    back(res, form.sessionId, outcome.kind === "result" ? outcomeKey(outcome.result) : undefined);
  });

  router.get("/sessie/:id/conclusie", h.gate.require, async (req, res) => {
    const ctx = h.context(req, res);
    const id = Id.safeParse(req.params.id);
    if (!id.success) return h.send(res, 404, notFoundPage(ctx));
    const draft = await draftConclusion(deps, { actor: await actorOf(res), session: { sessionId: id.data } });
    if (draft.status === "not-found") return h.send(res, 404, notFoundPage(ctx));
    if (draft.status !== "ok") return back(res, id.data, outcomeKey(draft));
    h.send(res, 200, formPage(ctx, draft.form, { action: `/sessie/${id.data}/conclusie`, back: `/sessie/${id.data}` }));
  });

  router.post("/sessie/:id/conclusie", h.gate.require, sessionForm, async (req, res) => {
    const form = parse(req, res, Signed.passthrough());
    if (!form) return;
    const ctx = h.context(req, res);
    const values = Object.fromEntries(Object.entries(form.body).filter((e): e is [string, string] => typeof e[1] === "string" && /^(conclusion|action)\./.test(e[0])));
    const result = await submitConclusion(deps, { eventId: form.body.event, actor: await actorOf(res), session: { sessionId: form.sessionId }, values });
    h.kick();
    if (result.status !== "invalid") return back(res, form.sessionId, outcomeKey(result));
    const draft = await draftConclusion(deps, { actor: await actorOf(res), session: { sessionId: form.sessionId } });
    if (draft.status !== "ok") return back(res, form.sessionId, outcomeKey(draft));
    const errors = Object.fromEntries(result.issues.map((i) => [i.field, issueText(i, ctx.lang)]));
    h.send(res, 400, formPage(ctx, draft.form, { action: `/sessie/${form.sessionId}/conclusie`, back: `/sessie/${form.sessionId}`, errors, values }));
  });

  router.post("/sessie/:id/gastlinks", h.gate.require, sessionForm, async (req, res) => {
    const form = parse(req, res, NewLink);
    if (!form) return;
    const ctx = h.context(req, res);
    const result = await createGuestLink(deps, {
      eventId: form.body.event,
      actor: await actorOf(res),
      session: { sessionId: form.sessionId },
      validDays: form.body.days,
      ...(form.body.label !== "" ? { label: form.body.label } : {}),
    });
    h.kick(); // the guest thread's root goes out now, so the link works at once
    if (result.status !== "created") return back(res, form.sessionId, outcomeKey(result), "#gastlinks");
    const url = guestLinkUrl(h.publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`, result.link.publicId, result.secret);
    h.send(res, 200, linkCreatedPage(ctx, form.sessionId, url, result.link.expiresAt));
  });

  router.post("/sessie/:id/actie/:aid", h.gate.require, sessionForm, async (req, res) => {
    const form = parse(req, res, ActionForm);
    const actionId = Id.safeParse(req.params.aid);
    if (!form) return;
    if (!actionId.success) return void res.status(400).type("text/plain").send("Ongeldig formulier / invalid form: aid");
    const result = await setActionStatus(deps, { eventId: form.body.event, actor: await actorOf(res), actionId: actionId.data, status: form.body.status });
    h.kick();
    back(res, form.sessionId, outcomeKey(result), "#verbeteracties");
  });

  router.post("/sessie/:id/samenvatting", h.gate.require, sessionForm, async (req, res) => {
    const form = parse(req, res, Edit);
    if (!form) return;
    const result = await shareSummary(deps, { eventId: form.body.event, actor: await actorOf(res), session: { sessionId: form.sessionId }, text: form.body.text });
    h.kick();
    back(res, form.sessionId, outcomeKey(result), "#gastlinks");
  });

  router.post("/sessie/:id/gastlinks/:pub/intrekken", h.gate.require, sessionForm, async (req, res) => {
    const form = parse(req, res, Revoke);
    if (!form) return;
    const result = await revokeGuestLink(deps, { actor: await actorOf(res), publicId: String(req.params.pub) });
    if (form.body.terug === "kanalen") return void res.redirect(303, `/kanalen?gastlink=${encodeURIComponent(outcomeKey(result))}#gastlinks`);
    back(res, form.sessionId, outcomeKey(result), "#gastlinks");
  });
}
