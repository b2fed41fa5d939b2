/**
 * POST /api/measurements[/<gemeente>]: figures over HTTP (JSON, the same validation as file imports).
 * Bearer token from DUIDBOT_API_TOKEN; 401 without it, 400 with the list of problems, 404 for an
 * unknown gemeente. 201 when something was stored, 200 "unchanged" when every value was already there
 * (also when a concurrent request stored the same value first).
 */
import { timingSafeEqual } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import type { ImportMeasurementsResult, MeasurementSource } from "../../../src/app/measurements/importMeasurements.ts";
import { formatIssue } from "../../../src/domain/validation.ts";
import type { ValidationIssue } from "../../../src/domain/validation.ts";
import { dinChoiceProblem, gemeenteOfRequest } from "./gemeente.ts";
import { MAX_SHOWN_ISSUES } from "../../../src/domain/issues.ts";

export interface MeasurementsRouteDeps {
  /** Undefined: the API is switched off and answers 503 with how to switch it on. */
  apiToken: string | undefined;
  /** `gemeente` as the request names it (path or body); undefined when it names none. */
  importMeasurements(source: MeasurementSource, target: { gemeente?: string }): Promise<ImportMeasurementsResult>;
  lang: "nl" | "en";
}

const MAX_BODY = "5mb";

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function measurementsRouter(deps: MeasurementsRouteDeps): Router {
  const router = express.Router();
  router.post(["/api/measurements", "/api/measurements/:gemeente"], express.json({ limit: MAX_BODY, type: () => true }), async (req: Request, res: Response) => {
    if (!deps.apiToken) {
      res.status(503).json({
        error: "api-disabled",
        message: "De API staat uit: zet DUIDBOT_API_TOKEN om hem aan te zetten / the API is off: set DUIDBOT_API_TOKEN",
      });
      return;
    }
    if (!tokenMatches(req.get("authorization"), deps.apiToken)) {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="duidbot"').json({
        error: "unauthorized",
        message: "Geen of ongeldig token: stuur Authorization: Bearer <DUIDBOT_API_TOKEN> / missing or invalid bearer token",
      });
      return;
    }
    const param: unknown = req.params["gemeente"];
    const target = gemeenteOfRequest(typeof param === "string" ? param : undefined, req.body);
    // At most 50 problems listed (a file of 100,000 bad rows must not become a 50 MB answer); all are counted.
    const problems = (status: number, error: string, issues: ValidationIssue[], extra: object = {}) =>
      res.status(status).json({
        error,
        errors: issues.slice(0, MAX_SHOWN_ISSUES).map((i) => ({ ...i, text: formatIssue(i, deps.lang) })),
        errorCount: issues.length,
        ...extra,
      });
    if (!target.ok) return void problems(400, "invalid", [target.issue]);
    const result = await deps.importMeasurements({ kind: "json", body: req.body, origin: "api" }, target.gemeente !== undefined ? { gemeente: target.gemeente } : {});
    if (!result.ok && result.din) {
      const { status, error, issue } = dinChoiceProblem(result.din);
      return void problems(status, error, [issue], { known: result.din.known });
    }
    if (!result.ok) return void problems(400, "invalid", result.issues);
    res.status(result.importId === undefined ? 200 : 201).json({
      status: result.importId === undefined ? "unchanged" : "imported",
      gemeente: result.dinSlug,
      new: result.newCount,
      corrections: result.correctionCount,
      metadata: result.metadataCount,
      context: result.contextCount,
      unchanged: result.unchangedCount,
      significantChanges: result.significantCount,
    });
  });
  return router;
}
