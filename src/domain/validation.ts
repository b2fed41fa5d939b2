/**
 * Validation problems found in user input (DIN files, measurement files, API bodies).
 * Expected failures are returned as values, never thrown, so callers can list them all.
 */

export interface ValidationIssue {
  /** File name as the user gave it, or "api" for HTTP input. */
  file: string;
  /** 1-based line number in the file, when known. */
  line?: number;
  /** The English key path of the field, e.g. "indicators[3].direction" or "waarde". */
  field: string;
  /** Dutch message for the user (nl-NL is the default language). */
  message: string;
  /** English message. */
  messageEn: string;
}

/** `warnings`: problems that do not stop the input but that the user should fix (e.g. a guessed setting). */
export type Validated<T> = { ok: true; value: T; warnings?: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

/** `file:line: field: message` — the one format every error list uses. */
export function formatIssue(issue: ValidationIssue, lang: "nl" | "en" = "nl"): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.field}: ${lang === "en" ? issue.messageEn : issue.message}`;
}
