/**
 * Entry point for measurement files: picks CSV or JSON by extension (.csv/.txt → CSV, .json → JSON,
 * otherwise JSON when the text starts with "{" or "["), then runs the shared row checks.
 * Every row is checked and all issues are returned; nothing is returned as valid when any row fails.
 */
import { csvRows } from "./measurementCsv.ts";
import type { MeasurementInput } from "./measurement.ts";
import { parseMeasurementJsonText } from "./measurementJson.ts";
import type { KnownIndicators } from "./measurementJson.ts";
import { checkRows } from "./measurementRows.ts";
import { sortIssues } from "./issues.ts";
import type { Validated } from "./validation.ts";

export { parseMeasurementsJson } from "./measurementJson.ts";
export type { KnownIndicators } from "./measurementJson.ts";

function looksLikeJson(fileName: string, text: string): boolean {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "json") return true;
  if (ext === "csv" || ext === "txt") return false;
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  return first === "{" || first === "[";
}

export function parseMeasurementFile(text: string, fileName: string, known: KnownIndicators): Validated<MeasurementInput[]> {
  if (looksLikeJson(fileName, text)) return parseMeasurementJsonText(text, fileName, known);
  const csv = csvRows(text, fileName);
  const checked = checkRows(csv.rows, { file: fileName, indicatorIds: known.indicatorIds, rules: known.rules, pointsAsThousands: csv.pointsAsThousands });
  const issues = sortIssues([...csv.issues, ...checked.issues]);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: checked.inputs };
}
