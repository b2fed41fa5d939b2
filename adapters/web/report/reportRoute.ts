/**
 * GET /rapport (the next, draft edition) and GET /rapport/<edition>: the DIN report as one HTML
 * page — a published edition as its frozen bytes (with its sha256 as ETag), otherwise the draft.
 * The server may face the internet (chat platforms call it), so a stranger gets the PUBLIC edition;
 * the internal one is for the web workspace's user (the local user on loopback, or signed in: the
 * default for them, `?versie=openbaar` for the public one) or for a caller with the API token as a
 * bearer token (`?versie=intern`). `?lang=en` for English.
 */
import { timingSafeEqual } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { RenderEditionResult } from "../../../src/app/report/renderEdition.ts";
import type { Lang } from "../../../src/domain/format.ts";

export interface ReportRouteDeps {
  render(request: { edition?: number; lang: Lang; public: boolean }): Promise<RenderEditionResult>;
  /** Bearer token that unlocks the internal edition; undefined: only the public one is served. */
  apiToken: string | undefined;
  /** True for a web workspace user (src/main/server.ts): they get the internal edition unless they ask `?versie=openbaar`. */
  isStaff?: (req: Request) => boolean;
  lang: Lang;
}

const querySchema = z.object({
  lang: z.enum(["nl", "en"]).optional(),
  versie: z.enum(["openbaar", "intern"]).optional(),
});
const editionSchema = z.string().regex(/^\d{4}$/).transform(Number);

function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!token || !match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function page(res: Response, status: number, title: string, text: string): void {
  res.status(status).type("html").send(`<!doctype html><html lang="nl"><meta charset="utf-8"><title>${title}</title><main><h1>${title}</h1><p>${text}</p></main></html>`);
}

export function reportRouter(deps: ReportRouteDeps): Router {
  const router = express.Router();
  const handle = async (req: Request, res: Response, editionParam: string | undefined) => {
    const query = querySchema.safeParse(req.query);
    const edition = editionParam === undefined ? undefined : editionSchema.safeParse(editionParam);
    if (!query.success || (edition && !edition.success)) {
      page(res, 400, "Ongeldig verzoek", "Gebruik /rapport of /rapport/&lt;jaar&gt;, met ?lang=nl|en en ?versie=openbaar|intern. / Use /rapport or /rapport/&lt;year&gt;.");
      return;
    }
    const staff = deps.isStaff?.(req) ?? false;
    const internal = query.data.versie === "intern" || (staff && query.data.versie === undefined);
    if (internal && !staff && !bearerMatches(req.get("authorization"), deps.apiToken)) {
      res.set("WWW-Authenticate", 'Bearer realm="duidbot"');
      page(res, 401, "Geen toegang", "De interne editie vraagt Authorization: Bearer &lt;DUIDBOT_API_TOKEN&gt;; zonder is alleen de openbare editie te zien. / The internal edition needs the API token.");
      return;
    }
    const result = await deps.render({
      lang: query.data.lang ?? deps.lang,
      public: !internal,
      ...(edition?.success ? { edition: edition.data } : {}),
    });
    if (result.status === "no-din") {
      page(res, 404, "Geen DIN", "Er is nog geen DIN geïmporteerd. / No DIN imported yet.");
      return;
    }
    res.set("Cache-Control", result.status === "published" ? "no-cache" : "no-store");
    if (result.contentHash) res.set("ETag", `"${result.contentHash}"`);
    res.set("X-Duidbot-Edition", `${result.edition}; ${result.status}`);
    res.status(200).type("html").send(Buffer.from(result.html));
  };
  router.get("/rapport", (req, res, next) => void handle(req, res, undefined).catch(next));
  router.get("/rapport/:edition", (req, res, next) => {
    const param: unknown = req.params["edition"];
    void handle(req, res, typeof param === "string" ? param : undefined).catch(next);
  });
  return router;
}
