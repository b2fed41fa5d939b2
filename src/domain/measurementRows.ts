/**
 * Checks shared by every measurement source (CSV, JSON file, API body): required fields, a known
 * indicator (with a suggestion), a valid period that fits the indicator's frequency, a number in the
 * indicator's range, no NUL characters, and no indicator+period twice.
 */
import type { MeasurementInput } from "./measurement.ts";
import { parseNumberText } from "./numberText.ts";
import { parsePeriod } from "./period.ts";
import { didYouMean } from "./suggest.ts";
import type { ValidationIssue } from "./validation.ts";
import { periodProblem, rangeProblem, valueRange } from "./valueRules.ts";
import type { ValueRules } from "./valueRules.ts";
import { NUL_PROBLEM } from "./textEncoding.ts";
import { areaName, LABEL_MAX } from "./area.ts";
import { valueKeyText } from "./measurement.ts";
import type { SeriesKey } from "./measurement.ts";

export type RowField = "indicator" | "period" | "value" | "source" | "note" | "area" | "dimension" | "category";

/** One row as read from its source, before the shared checks. */
export interface RawRow {
  /** 1-based line, when the source has lines. */
  line?: number;
  /** Where the row came from: "metingen.csv:12", "api[3]". */
  origin: string;
  /** How each field is called in this source's messages: "waarde", "measurements[3].value". */
  fieldNames: Record<RowField, string>;
  /** Fields already reported by the source (e.g. wrong JSON type): skipped here to avoid a second message. */
  reported?: ReadonlySet<RowField>;
  indicator?: string;
  period?: string | number;
  value?: string | number;
  source?: string;
  note?: string;
  area?: string;
  dimension?: string;
  category?: string;
}

export interface RowContext {
  file: string;
  indicatorIds: readonly string[];
  /** Unit, range and frequency per indicator id, for the plausibility checks. */
  rules: ReadonlyMap<string, ValueRules>;
  /** Set for ";"-separated CSV: "1.234" then means 1234 (see numberText.ts). */
  pointsAsThousands: boolean;
}

function blank(value: string | number | undefined): boolean {
  return value === undefined || (typeof value === "string" && value.trim() === "");
}

const FIELDS: readonly RowField[] = ["indicator", "period", "value", "source", "note", "area", "dimension", "category"];

function hasNul(row: RawRow): boolean {
  for (const f of FIELDS) {
    const v = row[f];
    if (typeof v === "string" && v.includes("\0")) return true;
  }
  return false;
}

/**
 * Runs the shared checks over all rows; returns inputs only when no row has a problem. Written for
 * 50,000-row files (issue #15): no closures or arrays per row, each indicator's range worked out once,
 * and the texts of a message only built for a row that has one.
 */
export function checkRows(rows: Iterable<RawRow>, ctx: RowContext): { inputs: MeasurementInput[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const inputs: MeasurementInput[] = [];
  const known = new Set(ctx.indicatorIds);
  // Per indicator: the periods seen so far and where (the line, or the origin of a row without one, of
  // the row that had it first), for "already has a value" — not the row itself, which can then die young.
  const firstSeen = new Map<string, Map<string, number | string>>();
  const ranges = new Map<string, { min?: number; max?: number }>();
  const add = (row: RawRow, f: RowField, nl: string, en: string) =>
    issues.push({ file: ctx.file, line: row.line, field: row.fieldNames[f], message: nl, messageEn: en });
  const missing = (row: RawRow, f: RowField, nl: string, en: string) => {
    if (!row.reported?.has(f)) add(row, f, `${nl} ontbreekt`, `${en} is missing`);
  };

  for (const row of rows) {
    const reported = row.reported;
    let ok = reported === undefined || (!reported.has("indicator") && !reported.has("period") && !reported.has("value"));
    // PostgreSQL cannot store NUL in text: such a row is reported once and not checked further.
    if (hasNul(row)) {
      for (const f of FIELDS) {
        const v = row[f];
        if (typeof v === "string" && v.includes("\0")) add(row, f, NUL_PROBLEM.nl, NUL_PROBLEM.en);
      }
      continue;
    }

    const indicator = row.indicator?.trim() ?? "";
    if (blank(row.indicator)) {
      missing(row, "indicator", "indicator", "indicator");
      ok = false;
    } else if (!known.has(indicator)) {
      const hint = didYouMean(indicator, ctx.indicatorIds);
      add(row, "indicator", `onbekende indicator "${indicator}"${hint.nl}`, `unknown indicator "${indicator}"${hint.en}`);
      ok = false;
    }
    const rules = ctx.rules.get(indicator);

    let period: string | undefined;
    if (row.period === undefined || blank(row.period)) {
      missing(row, "period", "periode", "period");
      ok = false;
    } else {
      const parsed = parsePeriod(row.period);
      const misfit = parsed.ok && rules ? periodProblem(parsed.period, rules.frequency) : undefined;
      if (misfit) {
        add(row, "period", misfit.nl, misfit.en);
        ok = false;
      } else if (parsed.ok) period = parsed.period.key;
      else {
        add(row, "period", parsed.message, parsed.messageEn);
        ok = false;
      }
    }

    let value: number | undefined;
    if (row.value === undefined || blank(row.value)) {
      missing(row, "value", "waarde", "value");
      ok = false;
    } else {
      value = typeof row.value === "number" ? row.value : parseNumberText(row.value, ctx);
      if (value === undefined || !Number.isFinite(value)) {
        const shown = JSON.stringify(String(row.value));
        add(row, "value", `waarde ${shown} is geen getal; schrijf bijv. 12,5 of 1234`, `value ${shown} is not a number; write e.g. 12.5 or 1234`);
        ok = false;
      } else if (rules) {
        let range = ranges.get(indicator);
        if (range === undefined) ranges.set(indicator, (range = valueRange(rules)));
        const outside = (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max) ? rangeProblem(value, rules) : undefined;
        if (outside) {
          add(row, "value", outside.nl, outside.en);
          ok = false;
        }
      }
    }

    const series = seriesOf(row, add);
    if (series === undefined) ok = false;

    if (period !== undefined && indicator !== "" && series !== undefined) {
      // Per series (the indicator's total, or one of its areas or breakdown cells): the periods seen so far.
      const seriesId = series === TOTAL ? indicator : valueKeyText(indicator, "", series);
      let seen = firstSeen.get(seriesId);
      if (seen === undefined) firstSeen.set(seriesId, (seen = new Map()));
      const first = seen.get(period);
      if (first === undefined) seen.set(period, row.line ?? row.origin);
      else {
        const nlWhere = typeof first === "number" ? `op regel ${first}` : `bij ${first}`;
        const enWhere = typeof first === "number" ? `on line ${first}` : `at ${first}`;
        const of = seriesText(series);
        add(
          row,
          "period",
          `indicator "${indicator}" heeft al een waarde voor periode ${period}${of.nl} ${nlWhere}`,
          `indicator "${indicator}" already has a value for period ${period}${of.en} ${enWhere}`,
        );
        ok = false;
      }
    }

    if (ok && period !== undefined && value !== undefined) {
      const source = row.source?.trim();
      const note = row.note?.trim();
      const input: MeasurementInput = { indicatorId: indicator, period, value, origin: row.origin };
      if (source) input.source = source;
      if (note) input.note = note;
      if (series?.area) input.area = series.area;
      if (series?.dimension) {
        input.dimension = series.dimension;
        input.category = series.category!;
      }
      inputs.push(input);
    }
  }
  return { inputs, issues };
}

type Add = (row: RawRow, f: RowField, nl: string, en: string) => void;

/**
 * The row's gebied and uitsplitsing: trimmed labels of at most LABEL_MAX characters, a known area in its
 * usual spelling, and dimensie and categorie together or not at all. Undefined when one is wrong.
 */
const TOTAL: SeriesKey = {};

/**
 * Control characters (after whitespace is tidied) and text-direction marks, embeddings, overrides and
 * isolates: a label is shown in chat, on the web and in the report, where these would hide or reorder
 * what a reader sees ("Oost" + U+202E reads as another category).
 */
const UNSHOWABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function seriesOf(row: RawRow, add: Add): SeriesKey | undefined {
  // Most rows are the municipality's own total: no labels to tidy (the per-row hot path of a large import).
  if (blank(row.area) && blank(row.dimension) && blank(row.category)) return TOTAL;
  let ok = true;
  const label = (f: "area" | "dimension" | "category", nl: string, en: string): string | undefined => {
    const text = row[f]?.trim().replace(/\s+/g, " ") ?? "";
    if (text.length > LABEL_MAX) {
      add(row, f, `${nl} is langer dan ${LABEL_MAX} tekens`, `${en} is longer than ${LABEL_MAX} characters`);
      ok = false;
    }
    const odd = UNSHOWABLE.exec(text)?.[0];
    if (odd !== undefined) {
      const code = `U+${odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      add(row, f, `${nl} bevat een stuur- of tekstrichtingsteken (${code}); laat dat weg`, `${en} holds a control or text-direction character (${code}); leave it out`);
      ok = false;
    }
    return text === "" ? undefined : text;
  };
  const area = label("area", "gebied", "area");
  const dimension = label("dimension", "dimensie", "dimension");
  const category = label("category", "categorie", "category");
  if (dimension !== undefined && category === undefined) {
    add(row, "category", `categorie ontbreekt: een uitsplitsing naar "${dimension}" noemt ook de categorie`, `category is missing: a breakdown by "${dimension}" also names the category`);
    ok = false;
  } else if (dimension === undefined && category !== undefined) {
    add(row, "dimension", `dimensie ontbreekt: bij categorie "${category}" hoort een dimensie (bijv. leeftijdsgroep)`, `dimension is missing: category "${category}" needs a dimension (e.g. age group)`);
    ok = false;
  }
  if (!ok) return undefined;
  return { ...(area !== undefined ? { area: areaName(area) } : {}), ...(dimension !== undefined ? { dimension, category: category! } : {}) };
}

/** " (gebied Nederland, leeftijdsgroep 0-11 jaar)" for messages about a row that is not the municipality's total. */
function seriesText(key: SeriesKey): { nl: string; en: string } {
  const nl = [key.area ? `gebied ${key.area}` : "", key.dimension ? `${key.dimension} ${key.category}` : ""].filter(Boolean);
  const en = [key.area ? `area ${key.area}` : "", key.dimension ? `${key.dimension} ${key.category}` : ""].filter(Boolean);
  return nl.length === 0 ? { nl: "", en: "" } : { nl: ` (${nl.join(", ")})`, en: ` (${en.join(", ")})` };
}
