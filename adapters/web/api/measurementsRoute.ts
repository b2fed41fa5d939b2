/**
 * POST /api/measurements: figures over HTTP (JSON, the same validation as file imports).
 * Bearer token from DUIDBOT_API_TOKEN; 401 without it, 400 with the list of problems.
 */
import { timingSafeEqual } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import type { ImportMeasurementsResult, MeasurementSource } from "../../../src/app/measurements/importMeasurements.ts";
import { formatIssue } from "../../../src/domain/validation.ts";

export interface MeasurementsRouteDeps {
  /** Undefined: the API is switched off and answers 503 with how to switch it on. */
  apiToken: string | undefined;
  importMeasurements(source: MeasurementSource): Promise<ImportMeasurementsResult>;
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
  router.post("/api/measurements", express.json({ limit: MAX_BODY, type: () => true }), async (req: Request, res: Response) => {
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
    const result = await deps.importMeasurements({ kind: "json", body: req.body, origin: "api" });
    if (!result.ok) {
      res.status(400).json({
        error: "invalid",
        errors: result.issues.map((i) => ({ ...i, text: formatIssue(i, deps.lang) })),
      });
      return;
    }
    res.status(result.importId === undefined ? 200 : 201).json({
      new: result.newCount,
      corrections: result.correctionCount,
      unchanged: result.unchangedCount,
      significantChanges: result.changes.filter((c) => c.significant).length,
    });
  });
  return router;
}
