/**
 * Small helpers shared by the file readers to build and order `ValidationIssue`s.
 */
import type { ValidationIssue } from "./validation.ts";

export type PathSegment = string | number;

/** `["indicators", 3, "direction"]` → `indicators[3].direction`; a leading index gives `[3].waarde`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** Orders issues by line so the list reads top to bottom like the file; issues without a line go last. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || a.i - b.i)
    .map(({ issue }) => issue);
}

/** How many problems a person is shown at once (CLI, API); the rest are counted, not listed. */
export const MAX_SHOWN_ISSUES = 50;
