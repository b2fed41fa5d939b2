/**
 * Measurement rows from JSON: a JSON file or an already-parsed API body. Accepts an array of items
 * or `{ "measurements": [...] }` / `{ "metingen": [...] }`; each item is checked with zod, then by
 * the shared row checks. File and API share this code; only lines and origins differ.
 */
import { z } from "zod";
import { fieldPath, sortIssues } from "./issues.ts";
import type { PathSegment } from "./issues.ts";
import { jsonLineFinder } from "./jsonLines.ts";
import type { JsonLineOf } from "./jsonLines.ts";
import type { MeasurementInput } from "./measurement.ts";
import { checkRows } from "./measurementRows.ts";
import type { RawRow, RowField } from "./measurementRows.ts";
import { didYouMean } from "./suggest.ts";
import type { Validated, ValidationIssue } from "./validation.ts";
import type { ValueRules } from "./valueRules.ts";
import { dutchErrorMap, toBilingual } from "./zodMessages.ts";
import type { Labels } from "./zodMessages.ts";

export interface KnownIndicators {
  indicatorIds: readonly string[];
  /** Unit, range and frequency per indicator id, for the plausibility checks (see valueRules.ts). */
  rules: ReadonlyMap<string, ValueRules>;
}

const LABELS: Labels = {
  indicator: "indicator",
  periode: "periode",
  period: "periode",
  waarde: "waarde",
  value: "waarde",
  bron: "bron",
  source: "bron",
  opmerking: "opmerking",
  note: "opmerking",
  gebied: "gebied",
  area: "gebied",
  dimensie: "dimensie",
  dimension: "dimensie",
  categorie: "categorie",
  category: "categorie",
};

/** Accepted keys per field, Dutch first. */
const KEYS: Record<RowField, readonly [string, ...string[]]> = {
  indicator: ["indicator"],
  period: ["periode", "period"],
  value: ["waarde", "value"],
  source: ["bron", "source"],
  note: ["opmerking", "note"],
  area: ["gebied", "area"],
  dimension: ["dimensie", "dimension"],
  category: ["categorie", "category"],
};
const FIELDS = Object.keys(KEYS) as RowField[];

const scalar = z.union([z.string(), z.number()]);
const optionalText = z.string().nullish();
const itemSchema = z.strictObject({
  indicator: z.string().optional(),
  periode: scalar.optional(),
  period: scalar.optional(),
  waarde: scalar.optional(),
  value: scalar.optional(),
  bron: optionalText,
  source: optionalText,
  opmerking: optionalText,
  note: optionalText,
  gebied: optionalText,
  area: optionalText,
  dimensie: optionalText,
  dimension: optionalText,
  categorie: optionalText,
  category: optionalText,
});

interface JsonSource {
  file: string;
  lineOf?: JsonLineOf;
  /** Names a row for messages and history, from its path in the body ("measurements", 3) and its line. */
  originOf: (path: readonly PathSegment[], line: number | undefined) => string;
}

/** Line of the path, or of its nearest existing ancestor (a missing key is reported on its item). */
function lineAt(src: JsonSource, path: readonly PathSegment[]): number | undefined {
  if (src.lineOf === undefined) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const line = src.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}

function issueAt(src: JsonSource, path: PathSegment[], nl: string, en: string): ValidationIssue {
  return { file: src.file, line: lineAt(src, path), field: fieldPath(path), message: nl, messageEn: en };
}

/** The list of items and the key it sits under ("" for a bare array), or undefined for other shapes. */
function itemsOf(body: unknown): { items: unknown[]; key: string } | undefined {
  if (Array.isArray(body)) return { items: body, key: "" };
  if (typeof body !== "object" || body === null) return undefined;
  for (const key of ["measurements", "metingen"]) {
    const items = (body as Record<string, unknown>)[key];
    if (Array.isArray(items)) return { items, key };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const ALL_KEYS = FIELDS.flatMap((f) => KEYS[f]);

/** Checks one item's shape with zod and turns it into a `RawRow`; shape problems go to `issues`. */
function rowOf(item: unknown, base: PathSegment[], src: JsonSource, issues: ValidationIssue[]): RawRow {
  const line = src.lineOf?.(base);
  const reported = new Set<RowField>();
  const fieldNames = Object.fromEntries(FIELDS.map((f) => [f, fieldPath([...base, KEYS[f][0]])])) as Record<RowField, string>;
  const row: RawRow = { origin: src.originOf(base, line), fieldNames, reported };
  if (line !== undefined) row.line = line;

  if (!isRecord(item)) {
    issues.push(
      issueAt(src, base, "een meting moet een object zijn met indicator, periode en waarde", "a measurement must be an object with indicator, period and value"),
    );
    FIELDS.forEach((f) => reported.add(f));
    return row;
  }

  const parsed = itemSchema.safeParse(item, { error: dutchErrorMap(LABELS), reportInput: true });
  for (const issue of parsed.error?.issues ?? []) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const hint = didYouMean(key, ALL_KEYS);
        issues.push(issueAt(src, [...base, key], `onbekend veld "${key}"${hint.nl}`, `unknown field "${key}"${hint.en}`));
      }
      continue;
    }
    const text = toBilingual(issue, LABELS);
    issues.push(issueAt(src, [...base, ...(issue.path as PathSegment[])], text.nl, text.en));
    const f = FIELDS.find((name) => KEYS[name].includes(String(issue.path[0])));
    if (f !== undefined) reported.add(f);
  }

  // Read from the item itself, not zod's output, so well-typed fields are checked even when others failed.
  for (const f of FIELDS) {
    const present = KEYS[f].filter((k) => item[k] !== undefined && item[k] !== null);
    const key = present[0];
    if (key === undefined) continue;
    fieldNames[f] = fieldPath([...base, key]);
    if (present.length > 1) {
      const both = present.map((k) => `"${k}"`).join(" of ");
      issues.push(issueAt(src, [...base, key], `gebruik ${both}, niet beide`, `use ${both.replace(" of ", " or ")}, not both`));
      reported.add(f);
    }
    if (reported.has(f)) continue;
    const v = item[key];
    if (typeof v === "string") row[f] = v;
    else if (typeof v === "number" && (f === "period" || f === "value")) row[f] = v;
  }
  return row;
}

function validateJson(body: unknown, src: JsonSource, known: KnownIndicators): Validated<MeasurementInput[]> {
  const found = itemsOf(body);
  if (found === undefined) {
    return {
      ok: false,
      issues: [
        issueAt(
          src,
          [],
          'verwacht een lijst metingen, of een object met "measurements" (of "metingen") als lijst',
          'expected a list of measurements, or an object with a "measurements" (or "metingen") list',
        ),
      ],
    };
  }
  const base: PathSegment[] = found.key === "" ? [] : [found.key];
  if (found.items.length === 0) {
    const issue = issueAt(src, base, "geen metingen gevonden: de lijst is leeg", "no measurements found: the list is empty");
    return { ok: false, issues: [{ ...issue, field: found.key || "measurements" }] };
  }
  const issues: ValidationIssue[] = [];
  const rows = found.items.map((item, i) => rowOf(item, [...base, i], src, issues));
  const checked = checkRows(rows, { file: src.file, indicatorIds: known.indicatorIds, rules: known.rules, pointsAsThousands: false });
  const all = sortIssues([...issues, ...checked.issues]);
  return all.length > 0 ? { ok: false, issues: all } : { ok: true, value: checked.inputs };
}

/** The source name and the row's field path: "api:measurements[3]", or "api[3]" for a bare list. */
function originAt(origin: string, path: readonly PathSegment[]): string {
  const field = fieldPath(path);
  return field.startsWith("[") ? `${origin}${field}` : `${origin}:${field}`;
}

/** Validates an already-parsed JSON body (HTTP API); `origin` names the source, e.g. "api" → rows "api:measurements[3]". */
export function parseMeasurementsJson(body: unknown, origin: string, known: KnownIndicators): Validated<MeasurementInput[]> {
  return validateJson(body, { file: origin, originOf: (path) => originAt(origin, path) }, known);
}

function syntaxErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const position = /position (\d+)/.exec(message)?.[1];
  // "Unexpected end of JSON input" has no position: the problem is at the end.
  if (position === undefined) return text.split("\n").length;
  return text.slice(0, Number(position)).split("\n").length;
}

/** Parses JSON file text (a BOM is allowed) and validates it; issues and origins carry line numbers. */
export function parseMeasurementJsonText(text: string, fileName: string, known: KnownIndicators): Validated<MeasurementInput[]> {
  const clean = text.replace(/^\uFEFF/, "");
  let body: unknown;
  try {
    body = JSON.parse(clean);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [{ file: fileName, line: syntaxErrorLine(clean, message), field: "json", message: `ongeldige JSON: ${message}`, messageEn: `invalid JSON: ${message}` }],
    };
  }
  const lineOf = jsonLineFinder(clean);
  return validateJson(body, { file: fileName, lineOf, originOf: (path, line) => (line !== undefined ? `${fileName}:${line}` : originAt(fileName, path)) }, known);
}
