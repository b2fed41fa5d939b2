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

export type RowField = "indicator" | "period" | "value" | "source" | "note";

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

const FIELDS: readonly RowField[] = ["indicator", "period", "value", "source", "note"];

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
export function checkRows(rows: readonly RawRow[], ctx: RowContext): { inputs: MeasurementInput[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const inputs: MeasurementInput[] = [];
  const known = new Set(ctx.indicatorIds);
  // Per indicator: the periods seen so far (the row that had it first), for "already has a value".
  const firstSeen = new Map<string, Map<string, RawRow>>();
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

    if (period !== undefined && indicator !== "") {
      let seen = firstSeen.get(indicator);
      if (seen === undefined) firstSeen.set(indicator, (seen = new Map()));
      const first = seen.get(period);
      if (first === undefined) seen.set(period, row);
      else {
        const nlWhere = first.line !== undefined ? `op regel ${first.line}` : `bij ${first.origin}`;
        const enWhere = first.line !== undefined ? `on line ${first.line}` : `at ${first.origin}`;
        add(
          row,
          "period",
          `indicator "${indicator}" heeft al een waarde voor periode ${period} ${nlWhere}`,
          `indicator "${indicator}" already has a value for period ${period} ${enWhere}`,
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
      inputs.push(input);
    }
  }
  return { inputs, issues };
}
