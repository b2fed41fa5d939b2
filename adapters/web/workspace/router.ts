/**
 * The web workspace (issue #17): server-rendered pages on the one HTTP server. Thin handlers: who is
 * asking (access.ts), which DIN (chooseDin), a use case from src/app/workspace, a page renderer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";
import { chooseDin } from "../../../src/app/din/chooseDin.ts";
import { listChanges } from "../../../src/app/measurements/listChanges.ts";
import { parseCalendarDate } from "../../../src/domain/period.ts";
import type { DinState } from "../../../src/app/ports.ts";
import { dinOverview } from "../../../src/app/workspace/dinOverview.ts";
import { goalDetail, indicatorDetail, type DetailDeps } from "../../../src/app/workspace/indicatorDetail.ts";
import type { Lang } from "../../../src/domain/format.ts";
import { createGate, LOCAL_USER, TEAM_USER, type Gate, type WebAccess, type WebUser } from "./access.ts";
import { createOidcGate } from "./oidc.ts";
import type { Html } from "./html.ts";
import type { PageContext } from "./layout.ts";
import type { Place } from "./links.ts";
import { changesPage } from "./changesPage.ts";
import { reportsPage } from "./reportsPage.ts";
import { listEditions } from "../../../src/app/report/listEditions.ts";
import { channelsPage, forbiddenPage } from "./channelsPage.ts";
import { channelsOverview } from "../../../src/app/workspace/channelsOverview.ts";
import { goalPage } from "./goalPage.ts";
import { indicatorPage } from "./indicatorPage.ts";
import { registerImportRoutes } from "./importRoutes.ts";
import { registerSessionRoutes } from "./sessionRoutes.ts";
import { registerGuestRoutes } from "./guestRoutes.ts";
import { peopleForm, registerPeopleRoutes } from "./peopleForm.ts";
import { guardAgainstGuests } from "./guestAccess.ts";
import { linkProblemPage } from "./guestPages.ts";
import { WebChat } from "./webChat.ts";
import { faceOpener } from "./webThreads.ts";
import { loginPage } from "./loginPage.ts";
import { chooseMunicipalityPage, noDinPage, notFoundPage, overviewPage } from "./overviewPage.ts";
import { cookieAttributes, cookies, CSRF_FIELD, csrfToken, csrfValid, securityHeaders } from "./security.ts";

export interface WorkspaceOptions {
  lang: Lang;
  access: WebAccess;
  /** Wakes the outbox dispatcher after an import queued change posts (it also polls). */
  kick?: () => void;
  log?: (line: string) => void;
}

const STYLESHEET = readFileSync(path.join(import.meta.dirname, "assets", "workspace.css"), "utf8");
/** Live updates of the session pages (optional: the pages work without it). */
const SESSION_SCRIPT = readFileSync(path.join(import.meta.dirname, "assets", "sessie.js"), "utf8");
const LANG_COOKIE = "duidbot_lang";

function langOf(req: Request, res: Response, fallback: Lang): Lang {
  const asked = req.query.lang;
  if (asked === "nl" || asked === "en") {
    res.append("Set-Cookie", `${LANG_COOKIE}=${asked}; ${cookieAttributes(req, "Lax")}; Max-Age=31536000`);
    return asked;
  }
  const saved = cookies(req).get(LANG_COOKIE);
  return saved === "nl" || saved === "en" ? saved : fallback;
}

function send(res: Response, status: number, body: Html): void {
  res.status(status).type("html").send(body.text);
}

export interface Workspace {
  router: Router;
  /** The web user making this request (local user, or signed in), without answering for it; for other web routes (the report). */
  userOf(req: Request): WebUser | undefined;
  /** The web as a chat platform for the outbox (webChat.ts): register it with the dispatcher's ports. */
  chat: WebChat;
}

export function workspaceRouter(deps: DetailDeps, options: WorkspaceOptions): Router {
  return createWorkspace(deps, options).router;
}

export function createWorkspace(deps: DetailDeps, options: WorkspaceOptions): Workspace {
  const router = express.Router();
  const oidc =
    options.access.mode === "oidc"
      ? createOidcGate(options.access, (key) => deps.sessions.transaction((tx) => tx.person(key)))
      : undefined;
  const baseGate: Gate = oidc ?? createGate(options.access as Exclude<WebAccess, { mode: "oidc" }>);
  // A browser that came in through a guest link gets 403 on every staff page (guestAccess.ts).
  const gate = guardAgainstGuests(baseGate, (req, res, publicId) => send(res, 403, linkProblemPage(context(req, res), "guestOnly", `/gast/${publicId}`)));
  const form = express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 20 });

  const context = (req: Request, res: Response): PageContext => {
    const user = res.locals.user as WebUser | undefined;
    return {
      lang: langOf(req, res, options.lang),
      path: req.originalUrl,
      isAdmin: user?.isAdmin ?? false,
      ...(gate.signInRequired && user ? { userName: user.name } : {}),
      csrf: csrfToken(req, res),
    };
  };

  /** The DIN a page is about: `?gemeente=` or the only one; otherwise a page that says what to do. */
  const withDin = async (req: Request, res: Response, ctx: PageContext): Promise<{ din: DinState; place: Place } | undefined> => {
    const asked = typeof req.query.gemeente === "string" && req.query.gemeente !== "" ? req.query.gemeente : undefined;
    const choice = await chooseDin(deps.dins, asked);
    if (choice.ok) {
      const several = (await deps.dins.listDinSlugs()).length > 1;
      return { din: choice.din, place: several ? { gemeente: choice.din.slug } : {} };
    }
    if (choice.reason === "ambiguous") send(res, 200, chooseMunicipalityPage(ctx, choice.known, req.path));
    else if (choice.reason === "no-din") send(res, 200, noDinPage(ctx));
    else send(res, 404, notFoundPage(ctx));
    return undefined;
  };

  router.get("/assets/workspace.css", (_req, res) => {
    res.type("text/css").setHeader("Cache-Control", "no-cache").send(STYLESHEET);
  });

  router.get("/assets/sessie.js", (_req, res) => {
    res.type("text/javascript").setHeader("Cache-Control", "no-cache").send(SESSION_SCRIPT);
  });

  router.use(securityHeaders);

  if (oidc) {
    router.get("/inloggen", (req, res) => send(res, 200, loginPage(context(req, res), { back: backTarget(req.query.terug), method: "oidc" })));
    router.get("/inloggen/start", (req, res, next) => void oidc.start(req, res, backTarget(req.query.terug)).catch(next));
    router.get("/inloggen/terug", async (req, res, next) => {
      try {
        const result = await oidc.callback(req, res);
        // The reason goes to the log, not to the page: it may name tokens or the provider's internals.
        if (!result.ok) {
          options.log?.(`web: inloggen mislukt / sign-in failed: ${result.reason}`);
          send(res, 401, loginPage(context(req, res), { back: "/", method: "oidc", error: "oidc" }));
        }
      } catch (error) {
        next(error);
      }
    });
  }
  if (gate.method === "password") {
    router.get("/inloggen", (req, res) => send(res, 200, loginPage(context(req, res), { back: backTarget(req.query.terug), method: "password" })));
    router.post("/inloggen", form, (req, res) => {
      const ctx = context(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const back = backTarget(body.terug);
      if (!csrfValid(req, body[CSRF_FIELD])) return send(res, 403, loginPage(ctx, { back, method: "password", error: "csrf" }));
      if (typeof body.wachtwoord !== "string" || !gate.signIn(req, res, body.wachtwoord)) return send(res, 401, loginPage(ctx, { back, method: "password", error: "password" }));
      res.redirect(303, back);
    });
  }
  if (gate.signInRequired) {
    router.post("/uitloggen", form, (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (csrfValid(req, body[CSRF_FIELD])) gate.signOut(req, res);
      res.redirect(303, "/inloggen");
    });
  }

  router.get("/", gate.require, async (req, res) => {
    const ctx = context(req, res);
    const chosen = await withDin(req, res, ctx);
    if (!chosen) return;
    send(res, 200, overviewPage(ctx, await dinOverview(deps, chosen.din), chosen.place));
  });

  router.get("/indicator/:id", gate.require, async (req, res) => {
    const ctx = context(req, res);
    const chosen = await withDin(req, res, ctx);
    if (!chosen) return;
    const detail = await indicatorDetail(deps, chosen.din, String(req.params.id), ctx.lang);
    if (!detail) return send(res, 404, notFoundPage(ctx));
    send(res, 200, indicatorPage(ctx, detail, chosen.place));
  });

  router.get("/veranderingen", gate.require, async (req, res) => {
    const ctx = context(req, res);
    const chosen = await withDin(req, res, ctx);
    if (!chosen) return;
    const significant = req.query.significant === "ja";
    const sinceText = typeof req.query.sinds === "string" && req.query.sinds !== "" ? req.query.sinds : undefined;
    const since = sinceText ? parseCalendarDate(sinceText) : undefined;
    const overview = await listChanges(deps, { dinSlug: chosen.din.slug, significantOnly: significant, ...(since ? { since } : {}) });
    if (!overview) return send(res, 404, notFoundPage(ctx));
    const filters = { significant, ...(sinceText ? { since: sinceText } : {}), ...(sinceText && !since ? { badSince: true } : {}) };
    send(res, 200, changesPage(ctx, overview, filters, chosen.place));
  });

  registerImportRoutes(router, deps, { gate, context, send, kick: options.kick ?? (() => {}) });
  const builtIn = options.access.mode === "local" ? [LOCAL_USER] : options.access.mode === "password" ? [TEAM_USER] : [];
  const face = faceOpener(deps, options.lang, builtIn);
  const publicUrl = options.access.mode === "oidc" ? options.access.publicUrl : undefined;
  registerSessionRoutes(router, deps, { gate, context, send, kick: options.kick ?? (() => {}), face, ...(publicUrl ? { publicUrl } : {}) });
  registerGuestRoutes(router, deps, { context, send, kick: options.kick ?? (() => {}) });
  registerPeopleRoutes(router, deps, { gate, face });

  router.get("/rapporten", gate.require, async (req, res) => {
    const ctx = context(req, res);
    const chosen = await withDin(req, res, ctx);
    if (!chosen) return;
    send(res, 200, reportsPage(ctx, await listEditions(deps, chosen.din.slug), chosen.place));
  });

  router.get("/kanalen", gate.require, async (req, res) => {
    const ctx = context(req, res);
    if (!ctx.isAdmin) return send(res, 403, forbiddenPage(ctx));
    send(res, 200, channelsPage(ctx, await channelsOverview(deps), peopleForm(ctx, req.query.uitkomst), req.query.gastlink));
  });

  router.get("/doel/:id", gate.require, async (req, res) => {
    const ctx = context(req, res);
    const chosen = await withDin(req, res, ctx);
    if (!chosen) return;
    const detail = await goalDetail(deps, chosen.din, String(req.params.id), ctx.lang);
    if (!detail) return send(res, 404, notFoundPage(ctx));
    send(res, 200, goalPage(ctx, detail, chosen.place));
  });

  return { router, userOf: (req) => gate.userOf(req), chat: new WebChat() };
}

/** Only a path on this site, so the login form cannot be used to send someone elsewhere. */
function backTarget(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") ? value : "/";
}
