/**
 * Plausibility of an indicator's figures: a value inside the unit's range and a period that fits the
 * indicator's frequency. Shared by the measurement checks (CSV, JSON, API) and the DIN's own
 * referentie- and streefwaarden, so an implausible figure is refused wherever it comes from.
 */
import type { Frequency, Indicator } from "./din.ts";
import { isCount } from "./din.ts";
import { frequencyKind } from "./period.ts";
import type { Period, PeriodKind } from "./period.ts";

export type ValueRules = Pick<Indicator, "unit" | "count" | "range" | "frequency">;

export interface Problem {
  nl: string;
  en: string;
}

/** The DIN's `range`, else counts at least 0 and "%" from 0 to 100; other units have no bounds. */
export function valueRange(rules: Pick<Indicator, "unit" | "count" | "range">): { min?: number; max?: number } {
  if (rules.range) return { min: rules.range[0], max: rules.range[1] };
  if (rules.unit.trim() === "%") return { min: 0, max: 100 };
  if (isCount(rules)) return { min: 0 };
  return {};
}

/** Plain number for messages: 1234.5 (no locale, so it matches what the user typed in the DIN). */
const plain = (n: number) => String(n);

export function rangeProblem(value: number, rules: Pick<Indicator, "unit" | "count" | "range">): Problem | undefined {
  const { min, max } = valueRange(rules);
  if ((min === undefined || value >= min) && (max === undefined || value <= max)) return undefined;
  const why = rules.range
    ? { nl: "het bereik uit de DIN", en: "the range in the DIN" }
    : rules.unit.trim() === "%"
      ? { nl: "een percentage", en: "a percentage" }
      : { nl: "een aantal", en: "a count" };
  const nlBounds = max === undefined ? `minstens ${plain(min ?? 0)}` : `van ${plain(min ?? -Infinity)} tot en met ${plain(max)}`;
  const enBounds = max === undefined ? `at least ${plain(min ?? 0)}` : `from ${plain(min ?? -Infinity)} to ${plain(max)}`;
  const hint = rules.range ? "" : "; klopt het toch, zet dan range: [min, max] bij de indicator in de DIN";
  const hintEn = rules.range ? "" : "; if it is right after all, set range: [min, max] on the indicator in the DIN";
  return {
    nl: `waarde ${plain(value)} kan niet: ${why.nl} is ${nlBounds}${hint}`,
    en: `value ${plain(value)} is implausible: ${why.en} is ${enBounds}${hintEn}`,
  };
}

const KIND_NAMES: Record<PeriodKind, { nl: string; en: string; example: string }> = {
  year: { nl: "een jaar", en: "a year", example: "2025" },
  quarter: { nl: "een kwartaal", en: "a quarter", example: "2025-Q1" },
  month: { nl: "een maand", en: "a month", example: "2025-03" },
  week: { nl: "een week", en: "a week", example: "2025-W12" },
};

const FREQUENCY_EN: Record<Frequency, string> = { jaarlijks: "yearly", kwartaal: "quarterly", maand: "monthly", week: "weekly" };

/** A jaarlijks indicator takes "2025", not "2025-03": other periods would confuse series and late-data checks. */
export function periodProblem(period: Period, frequency: Frequency): Problem | undefined {
  const expected = frequencyKind(frequency);
  if (period.kind === expected) return undefined;
  const want = KIND_NAMES[expected];
  const got = KIND_NAMES[period.kind];
  return {
    nl: `periode ${period.key} is ${got.nl}, maar deze indicator is ${frequency}: verwacht ${want.nl}, bijv. ${want.example}`,
    en: `period ${period.key} is ${got.en}, but this indicator is ${FREQUENCY_EN[frequency]}: expected ${want.en}, e.g. ${want.example}`,
  };
}
