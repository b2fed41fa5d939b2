/**
 * Reporting periods (year, quarter, month, ISO week): parsing, canonical keys, arithmetic and display.
 * Pure; all dates are UTC so results never depend on the server's time zone.
 */
import type { Frequency } from "./din.ts";

export type PeriodKind = "year" | "quarter" | "month" | "week";

export interface Period {
  kind: PeriodKind;
  /** Calendar year; for weeks the ISO week-numbering year (2024-W01 starts on 2024-01-01, 2026-W01 on 2025-12-29). */
  year: number;
  /** 1 for year; 1-4 quarter; 1-12 month; 1-53 ISO week. */
  index: number;
  /** Canonical: "2024", "2024-Q1", "2024-03", "2024-W12". */
  key: string;
}

export type ParsePeriodResult = { ok: true; period: Period } | { ok: false; message: string; messageEn: string };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const DAY_MS = 86_400_000;

const MONTHS = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

/** Weeks per year, filled on first use: parsing and shifting weeks asks for it per value (260,000 in the bench). */
const weeksInYear = new Map<number, number>();

/** Number of ISO weeks (52 or 53): the week holding 28 December is always the last one. */
export function isoWeeksInYear(year: number): number {
  let weeks = weeksInYear.get(year);
  if (weeks === undefined) {
    weeks = isoWeekOf(new Date(Date.UTC(year, 11, 28))).index;
    // Bounded: only plausible years are kept (parsePeriod refuses others before asking).
    if (year >= MIN_YEAR - 1 && year <= MAX_YEAR + 1) weeksInYear.set(year, weeks);
  }
  return weeks;
}

/** Monday of ISO week 1: the week that holds 4 January. */
function isoWeekOneStart(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY_MS;
}

function isoWeekOf(date: Date): { year: number; index: number } {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  // The Thursday of this week decides the ISO year.
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const index = Math.floor((thursday.getTime() - isoWeekOneStart(year)) / (7 * DAY_MS)) + 1;
  return { year, index };
}

function maxIndex(kind: PeriodKind, year: number): number {
  switch (kind) {
    case "year":
      return 1;
    case "quarter":
      return 4;
    case "month":
      return 12;
    case "week":
      return isoWeeksInYear(year);
  }
}

function keyOf(kind: PeriodKind, year: number, index: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (kind) {
    case "year":
      return String(year);
    case "quarter":
      return `${year}-Q${index}`;
    case "month":
      return `${year}-${pad(index)}`;
    case "week":
      return `${year}-W${pad(index)}`;
  }
}

/** Builds a period from parts without range checks; callers pass values that are already valid. */
export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  return { kind, year, index, key: keyOf(kind, year, index) };
}

const PATTERNS: { kind: PeriodKind; re: RegExp }[] = [
  { kind: "year", re: /^(\d{4})$/ },
  { kind: "quarter", re: /^(\d{4})-?[QK](\d{1,2})$/ },
  { kind: "month", re: /^(\d{4})-(\d{1,2})$/ },
  { kind: "week", re: /^(\d{4})-?W(\d{1,2})$/ },
];

/**
 * Parsed periods by their text. An import parses each period several times (validation, planning,
 * detection) and a file holds few distinct periods (50,000 values, 10 years); the results are frozen,
 * so sharing them is safe. Bounded: cleared when full, so odd input cannot grow it.
 */
const parsed = new Map<string, ParsePeriodResult>();
const PARSED_MAX = 10_000;

/** Accepts 2024, "2024-Q1"/"2024Q1"/"2024-K1" (kwartaal), "2024-03"/"2024-3", "2024-W12"/"2024W12"; case-insensitive. */
export function parsePeriod(raw: string | number): ParsePeriodResult {
  const text = String(raw);
  let result = parsed.get(text);
  if (result === undefined) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    result = parseUncached(text);
    if (result.ok) Object.freeze(result.period);
    parsed.set(text, Object.freeze(result));
  }
  return result;
}

function parseUncached(raw: string): ParsePeriodResult {
  const shown = String(raw).trim();
  const text = shown.toUpperCase();
  const fail = (nl: string, en: string): ParsePeriodResult => ({
    ok: false,
    message: `ongeldige periode "${shown}": ${nl}`,
    messageEn: `invalid period "${shown}": ${en}`,
  });

  for (const { kind, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    const index = kind === "year" ? 1 : Number(m[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return fail(`jaar moet ${MIN_YEAR} t/m ${MAX_YEAR} zijn`, `year must be ${MIN_YEAR} to ${MAX_YEAR}`);
    }
    const max = maxIndex(kind, year);
    if (index < 1 || index > max) {
      if (kind === "quarter") return fail("kwartaal moet 1 t/m 4 zijn", "quarter must be 1 to 4");
      if (kind === "month") return fail("maand moet 1 t/m 12 zijn", "month must be 1 to 12");
      if (index === 53) {
        return fail(`${year} heeft geen week 53 (ISO-weken 1 t/m 52)`, `${year} has no week 53 (ISO weeks 1 to 52)`);
      }
      return fail(`week moet 1 t/m ${max} zijn`, `week must be 1 to ${max}`);
    }
    return { ok: true, period: makePeriod(kind, year, index) };
  }
  return fail(
    "verwacht een jaar (2024), kwartaal (2024-Q1), maand (2024-03) of week (2024-W12)",
    "expected a year (2024), quarter (2024-Q1), month (2024-03) or week (2024-W12)",
  );
}

/** Moves `steps` periods of the same kind forward (negative: back), rolling over year boundaries. */
export function shiftPeriod(p: Period, steps: number): Period {
  if (p.kind === "week" && Math.abs(steps) <= 1) {
    // ISO weeks follow each other without gaps: one step needs no date arithmetic (the common case).
    if (steps < 0) return p.index > 1 ? makePeriod("week", p.year, p.index - 1) : makePeriod("week", p.year - 1, isoWeeksInYear(p.year - 1));
    if (steps > 0) return p.index < isoWeeksInYear(p.year) ? makePeriod("week", p.year, p.index + 1) : makePeriod("week", p.year + 1, 1);
    return p;
  }
  if (p.kind === "week") {
    const start = periodStart(p).getTime() + steps * 7 * DAY_MS;
    const w = isoWeekOf(new Date(start));
    return makePeriod("week", w.year, w.index);
  }
  const perYear = maxIndex(p.kind, p.year);
  const zeroBased = p.year * perYear + (p.index - 1) + steps;
  return makePeriod(p.kind, Math.floor(zeroBased / perYear), (zeroBased % perYear) + 1);
}

export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

export function nextPeriod(p: Period): Period {
  return shiftPeriod(p, 1);
}

/**
 * The same period one year earlier. Week 53 has no counterpart in a 52-week year;
 * week 52 of that year is the closest comparable week.
 */
export function yearEarlier(p: Period): Period {
  if (p.kind === "week") return makePeriod("week", p.year - 1, Math.min(p.index, isoWeeksInYear(p.year - 1)));
  return makePeriod(p.kind, p.year - 1, p.index);
}

/** Orders periods of one kind; mixing kinds is a programming error because there is no sensible order. */
export function comparePeriods(a: Period, b: Period): number {
  if (a.kind !== b.kind) throw new Error(`cannot compare periods of different kinds: ${a.key} and ${b.key}`);
  return a.year !== b.year ? a.year - b.year : a.index - b.index;
}

/**
 * A calendar date "JJJJ-MM-DD" as 00:00 UTC, or undefined when it is not one: the day must exist
 * ("2024-02-30" is refused, where `new Date` would roll it over to 1 March).
 */
export function parseCalendarDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** First moment of the period: 00:00 UTC on its first day. */
export function periodStart(p: Period): Date {
  switch (p.kind) {
    case "year":
      return new Date(Date.UTC(p.year, 0, 1));
    case "quarter":
      return new Date(Date.UTC(p.year, (p.index - 1) * 3, 1));
    case "month":
      return new Date(Date.UTC(p.year, p.index - 1, 1));
    case "week":
      return new Date(isoWeekOneStart(p.year) + (p.index - 1) * 7 * DAY_MS);
  }
}

/**
 * EXCLUSIVE end: 00:00 UTC on the first day after the period (= start of the next period).
 * Exclusive so that "end + n days" and "now >= end" need no off-by-one corrections.
 */
export function periodEnd(p: Period): Date {
  return periodStart(nextPeriod(p));
}

/** The period of the given kind that contains `date` (UTC). */
export function periodContaining(date: Date, kind: PeriodKind): Period {
  const year = date.getUTCFullYear();
  switch (kind) {
    case "year":
      return makePeriod("year", year, 1);
    case "quarter":
      return makePeriod("quarter", year, Math.floor(date.getUTCMonth() / 3) + 1);
    case "month":
      return makePeriod("month", year, date.getUTCMonth() + 1);
    case "week": {
      const w = isoWeekOf(date);
      return makePeriod("week", w.year, w.index);
    }
  }
}

export function frequencyKind(frequency: Frequency): PeriodKind {
  switch (frequency) {
    case "jaarlijks":
      return "year";
    case "kwartaal":
      return "quarter";
    case "maand":
      return "month";
    case "week":
      return "week";
  }
}

/** Full month name, 1 = January. */
export function monthName(month: number, lang: "nl" | "en"): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/** nl: "2024", "1e kwartaal 2024", "maart 2024", "week 12 2024"; en: "2024", "Q1 2024", "March 2024", "week 12 2024". */
/** A period key as people read it ("2024", "1e kwartaal 2024"), falling back to the key itself. */
export function formatPeriodKey(key: string, lang: "nl" | "en"): string {
  const parsed = parsePeriod(key);
  return parsed.ok ? formatPeriod(parsed.period, lang) : key;
}

export function formatPeriod(p: Period, lang: "nl" | "en"): string {
  switch (p.kind) {
    case "year":
      return String(p.year);
    case "quarter":
      return lang === "nl" ? `${p.index}e kwartaal ${p.year}` : `Q${p.index} ${p.year}`;
    case "month":
      return `${monthName(p.index, lang)} ${p.year}`;
    case "week":
      return `week ${p.index} ${p.year}`;
  }
}
