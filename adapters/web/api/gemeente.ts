/**
 * The municipality a POST /api/measurements is about: from the path (/api/measurements/<gemeente>)
 * or the body ({ "gemeente": "…", "measurements": [...] }); optional while the database holds one DIN.
 * Also words a failed choice for the API (the use case's text does not know the URL).
 */
import type { DinChoice } from "../../../src/app/din/chooseDin.ts";
import { dinChoiceIssue } from "../../../src/app/din/chooseDin.ts";
import { slugify } from "../../../src/domain/slug.ts";
import type { ValidationIssue } from "../../../src/domain/validation.ts";

const HOW = {
  nl: '"gemeente" in de body of het pad /api/measurements/<gemeente>',
  en: '"gemeente" in the body or the path /api/measurements/<gemeente>',
};

export type GemeenteOfRequest = { ok: true; gemeente?: string } | { ok: false; issue: ValidationIssue };

const invalid = (message: string, messageEn: string): GemeenteOfRequest => ({ ok: false, issue: { file: "api", field: "gemeente", message, messageEn } });

export function gemeenteOfRequest(pathParam: string | undefined, body: unknown): GemeenteOfRequest {
  const inBody = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)["gemeente"] : undefined;
  if (inBody !== undefined && (typeof inBody !== "string" || inBody.trim() === "")) {
    return invalid('"gemeente" moet de naam van een gemeente zijn (tekst)', '"gemeente" must be the name of a municipality (text)');
  }
  const fromBody = typeof inBody === "string" ? inBody.trim() : undefined;
  if (pathParam !== undefined && fromBody !== undefined && slugify(pathParam) !== slugify(fromBody)) {
    return invalid(
      `de gemeente in het pad ("${pathParam}") en in de body ("${fromBody}") verschillen`,
      `the gemeente in the path ("${pathParam}") and in the body ("${fromBody}") differ`,
    );
  }
  const gemeente = pathParam ?? fromBody;
  return { ok: true, ...(gemeente !== undefined ? { gemeente } : {}) };
}

/** HTTP status, error code and issue for a municipality that could not be chosen: 404 for an unknown one, else 400. */
export function dinChoiceProblem(choice: Extract<DinChoice, { ok: false }>): { status: 400 | 404; error: string; issue: ValidationIssue } {
  const issue = dinChoiceIssue(choice, "api", HOW);
  if (choice.reason === "unknown") return { status: 404, error: "unknown-gemeente", issue };
  return { status: 400, error: choice.reason === "ambiguous" ? "gemeente-required" : "no-din", issue };
}
