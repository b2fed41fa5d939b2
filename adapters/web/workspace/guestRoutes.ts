/**
 * A guest link's pages (/gast/<publicId>, issue #19): open the link (its secret moves from the address
 * into a cookie scoped to this path), give a name, then the session as the guest thread shows it:
 * contribute to any question, edit and withdraw one's own words, nothing else. Every request checks the
 * link again (openGuestLink), so revocation and expiry count at once. The same use cases as a Slack guest
 * channel; the guest is the person "web:gast:<publicId>:<id>" in the link's channel.
 */
import type { Request, Response, Router } from "express";
import { z } from "zod";
import { openGuestLink, recordContribution, threadView, withdrawContribution } from "../../../src/app/sessions/index.ts";
import type { OpenGuestLinkResult, SessionDeps } from "../../../src/app/sessions/index.ts";
import { QUESTIONS } from "../../../src/domain/session.ts";
import type { Html } from "./html.ts";
import type { PageContext } from "./layout.ts";
import { admitGuest, forgetGuest, identityOf, isPublicId, RateLimit, rememberName, secretOf, unmarkGuest, type GuestIdentity } from "./guestAccess.ts";
import { guestThreadPage, linkProblemPage, welcomePage } from "./guestPages.ts";
import { CSRF_FIELD, csrfValid } from "./security.ts";
import type { ChartRenderer } from "../../../src/app/charts.ts";
import { SESSION_TEXTS } from "./sessionTexts.ts";
import { viewVersion } from "./threadPage.ts";
import { outcomeKey, outcomeText, rootIdOf, saveOwnContribution, sessionForm } from "./webThreads.ts";

export interface GuestRouteHelpers {
  context(req: Request, res: Response): PageContext;
  send(res: Response, status: number, body: Html): void;
  kick(): void;
  /** For the rate limits (tests move it). */
  now?: () => number;
}

const Signed = z.object({ [CSRF_FIELD]: z.string(), event: z.string().uuid() });
const Name = Signed.extend({ name: z.string().trim().min(1).max(60) });
const Contribute = Signed.extend({ question: z.enum(QUESTIONS), text: z.string().max(4000) });
const Edit = Signed.extend({ text: z.string().max(4000), question: z.enum(QUESTIONS).optional() });
const MessageId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/);
const WINDOW_MS = 10 * 60_000;

type Admitted = Extract<OpenGuestLinkResult, { status: "ok" }>;

export function registerGuestRoutes(router: Router, deps: SessionDeps & { charts: ChartRenderer }, h: GuestRouteHelpers): void {
  // Every guest request counts; failed link checks have a much lower limit (guessing secrets).
  const requests = new RateLimit(300, WINDOW_MS, h.now);
  const failures = new RateLimit(20, WINDOW_MS, h.now);
  const address = (req: Request) => req.socket.remoteAddress ?? "?";

  const refuse = (req: Request, res: Response, code: "unknown" | "revoked" | "expired") => {
    failures.take(address(req));
    h.send(res, code === "unknown" ? 403 : 410, linkProblemPage(h.context(req, res), code));
  };

  /** The link of this request (from the cookie), checked now; otherwise answers itself. */
  async function admitted(req: Request, res: Response): Promise<Admitted | undefined> {
    const publicId = req.params.pub;
    const secret = secretOf(req);
    if (failures.blocked(address(req)) || !requests.take(address(req))) return void h.send(res, 429, linkProblemPage(h.context(req, res), "tooMany"));
    if (!isPublicId(publicId) || !secret) return void refuse(req, res, "unknown");
    const result = await openGuestLink(deps, { publicId, secret });
    if (result.status !== "ok") {
      // A dead link makes this browser no guest any more (staff pages no longer refuse it).
      if (result.code !== "unknown") unmarkGuest(req, res);
      return void refuse(req, res, result.code);
    }
    return result;
  }

  /** A guest's form: the link, their name and the CSRF token must all be right. */
  async function guestForm<T extends z.ZodType>(req: Request, res: Response, schema: T): Promise<{ link: Admitted; who: GuestIdentity; body: z.infer<T> } | undefined> {
    const link = await admitted(req, res);
    if (!link) return undefined;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = schema.safeParse(body);
    const who = identityOf(req);
    if (!csrfValid(req, body[CSRF_FIELD]) || !who) return void res.redirect(303, `/gast/${link.link.publicId}`);
    if (!parsed.success) return void res.redirect(303, `/gast/${link.link.publicId}?uitkomst=invalid`);
    return { link, who, body: parsed.data };
  }

  const userOf = (link: Admitted, who: GuestIdentity) => ({ key: `${link.link.channel}:${who.id}`, name: who.name });
  const back = (res: Response, link: Admitted, outcome: string) => res.redirect(303, `/gast/${link.link.publicId}?uitkomst=${encodeURIComponent(outcome)}#bijdragen-kop`);
  const seconds = (link: Admitted) => Math.max(1, Math.floor((link.link.expiresAt.getTime() - deps.clock.now().getTime()) / 1000));

  // Before the link route: /gast/<id>/stand is no secret.
  router.get("/gast/:pub/stand", async (req, res) => {
    const link = await admitted(req, res);
    if (!link) return;
    const who = identityOf(req);
    if (!who) return void res.status(403).json({ error: "no-name" });
    const view = await threadView(deps, { session: { sessionId: link.session.id }, thread: { channel: link.link.channel, audience: "gast", lang: "nl" }, viewer: userOf(link, who).key });
    if (view.status !== "ok") return void res.status(404).json({ error: "not-found" });
    res.setHeader("Cache-Control", "no-store").json({ versie: viewVersion(view) });
  });

  router.get("/gast/:pub/:secret", async (req, res) => {
    if (failures.blocked(address(req)) || !requests.take(address(req))) return h.send(res, 429, linkProblemPage(h.context(req, res), "tooMany"));
    const publicId = req.params.pub;
    const result = isPublicId(publicId) ? await openGuestLink(deps, { publicId, secret: String(req.params.secret) }) : { status: "refused" as const, code: "unknown" as const };
    if (result.status !== "ok") return refuse(req, res, result.code);
    admitGuest(req, res, result.link.publicId, String(req.params.secret), result.link.expiresAt, deps.clock.now());
    // The secret leaves the address bar (and the history) at once.
    res.redirect(303, `/gast/${result.link.publicId}`);
  });

  router.get("/gast/:pub", async (req, res) => {
    const link = await admitted(req, res);
    if (!link) return;
    const ctx = h.context(req, res);
    const who = identityOf(req);
    if (!who) return h.send(res, 200, welcomePage(ctx, link.link.publicId, link.session.title));
    const view = await threadView(deps, { session: { sessionId: link.session.id }, thread: { channel: link.link.channel, audience: "gast", lang: ctx.lang }, viewer: userOf(link, who).key });
    if (view.status !== "ok") return h.send(res, 410, linkProblemPage(ctx, "unknown"));
    const flash = outcomeText(req.query.uitkomst, ctx.lang);
    h.send(res, 200, await guestThreadPage(ctx, link.link.publicId, who.name, { view, base: `/gast/${link.link.publicId}`, charts: deps.charts, ...(flash ? { flash } : {}) }));
  });

  router.post("/gast/:pub/naam", sessionForm, async (req, res) => {
    const link = await admitted(req, res);
    if (!link) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = Name.safeParse(body);
    if (!csrfValid(req, body[CSRF_FIELD])) return void res.redirect(303, `/gast/${link.link.publicId}`);
    const ctx = h.context(req, res);
    if (!parsed.success) return h.send(res, 400, welcomePage(ctx, link.link.publicId, link.session.title, SESSION_TEXTS[ctx.lang].nameMissing));
    rememberName(req, res, link.link.publicId, parsed.data.name, seconds(link));
    res.redirect(303, `/gast/${link.link.publicId}`);
  });

  router.post("/gast/:pub/bijdrage", sessionForm, async (req, res) => {
    const form = await guestForm(req, res, Contribute);
    if (!form) return;
    const { link } = form;
    const threadId = await rootIdOf(deps, { status: "joined", thread: link.thread, opened: false }, link.session.id, h.kick);
    if (!threadId) return back(res, link, "deferred");
    const result = await recordContribution(deps, { eventId: form.body.event, channel: link.link.channel, threadId, messageId: `w-${form.body.event}`, user: userOf(link, form.who), text: form.body.text, question: form.body.question, at: deps.clock.now() });
    h.kick();
    back(res, link, outcomeKey(result));
  });

  const revise = (withdraw: boolean) => async (req: Request, res: Response) => {
    const form = await guestForm(req, res, withdraw ? Signed : Edit);
    if (!form) return;
    const messageId = MessageId.safeParse(req.params.mid);
    if (!messageId.success) return back(res, form.link, "ignored:unknown-message");
    const user = userOf(form.link, form.who);
    const common = { eventId: form.body.event, channel: form.link.link.channel, messageId: messageId.data, author: user.key, at: deps.clock.now() };
    const { text, question } = form.body as z.infer<typeof Edit>;
    const result = withdraw
      ? await withdrawContribution(deps, common)
      : await saveOwnContribution(deps, { event: form.body.event, channel: common.channel, user, messageId: messageId.data, text, ...(question ? { question } : {}), at: common.at });
    h.kick();
    back(res, form.link, outcomeKey(result));
  };
  router.post("/gast/:pub/bijdrage/:mid/wijzigen", sessionForm, revise(false));
  router.post("/gast/:pub/bijdrage/:mid/intrekken", sessionForm, revise(true));

  router.post("/gast/:pub/stoppen", sessionForm, (req, res) => {
    const publicId = req.params.pub;
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (isPublicId(publicId) && csrfValid(req, body[CSRF_FIELD])) forgetGuest(req, res, publicId);
    h.send(res, 200, linkProblemPage(h.context(req, res), "stopped"));
  });
}
