/**
 * Number, value and difference formatting in nl-NL (default) or English, including the kleine-aantallen rule.
 * Signs are always ASCII "+"/"-" (never U+2212) so CLI output, CSV and test assertions stay plain text.
 */
import { isPlainCountUnit } from "./din.ts";
import { monthName } from "./period.ts";

export type Lang = "nl" | "en";
/** "intern": colleagues of the municipality; "extern": guests, advisory council, the public. */
export type Audience = "intern" | "extern";

export interface NumberOptions {
  /** Fixed number of decimals. Default: see `defaultMaxDecimals`; trailing zeros are dropped. */
  decimals?: number;
}

export interface ValueOptions extends NumberOptions {
  audience: Audience;
  /** Kleine-aantallen limit: for "extern", values with 0 <= value < limit are shown as "< limit". */
  smallNumbers?: number;
}

const LOCALE: Record<Lang, string> = { nl: "nl-NL", en: "en-GB" };

const TEXT = {
  nl: { percentagePoint: "procentpunt", percentagePoints: "procentpunt", notANumber: "onbekend" },
  en: { percentagePoint: "percentage point", percentagePoints: "percentage points", notANumber: "unknown" },
} as const;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Default precision: integers as they are; otherwise 1 decimal, but 2 below 1 so that
 * small rates (0,04 per 1.000) do not collapse to "0". Trailing zeros are dropped (12,5 not 12,50).
 */
function defaultMaxDecimals(abs: number): number {
  return abs < 1 ? 2 : 1;
}

type UnitKind = "percent" | "euro" | "count" | "other";

function unitKind(unit: string): UnitKind {
  const u = unit.trim().toLowerCase();
  if (u === "%") return "percent";
  if (u === "€" || u === "euro") return "euro";
  if (u === "" || isPlainCountUnit(unit)) return "count";
  return "other";
}

/** Formats |value| and tells whether it rounded to zero, so the caller can choose the sign. */
function formatMagnitude(value: number, lang: Lang, decimals: number | undefined, kind: UnitKind = "count") {
  const abs = Math.abs(value);
  let min: number;
  let max: number;
  if (decimals !== undefined) {
    min = max = decimals;
  } else if (Number.isInteger(abs)) {
    min = max = 0;
  } else if (kind === "euro") {
    min = max = 2; // amounts with cents are written with both cents: € 12,50
  } else {
    min = 0;
    max = defaultMaxDecimals(abs);
  }
  const text = formatter(lang, min, max).format(abs);
  return { text, zero: /^[0.,]+$/.test(text) };
}

/** nl: 1.234 / 12,5 / -3; en: 1,234 / 12.5 / -3. Non-finite values read "onbekend"/"unknown". */
export function formatNumber(value: number, lang: Lang, opts: NumberOptions = {}): string {
  if (!Number.isFinite(value)) return TEXT[lang].notANumber;
  const { text, zero } = formatMagnitude(value, lang, opts.decimals);
  return value < 0 && !zero ? `-${text}` : text;
}

function withUnit(sign: string, magnitude: string, unit: string, kind: UnitKind, lang: Lang): string {
  switch (kind) {
    case "percent":
      return `${sign}${magnitude}%`;
    case "euro":
      return lang === "nl" ? `${sign}€ ${magnitude}` : `${sign}€${magnitude}`;
    case "count":
      return `${sign}${magnitude}`;
    case "other":
      return `${sign}${magnitude} ${unit.trim()}`;
  }
}

/**
 * True when the kleine-aantallen rule hides this value. Zero is hidden too: showing 0 next to "< 10"
 * elsewhere tells which values are small but not zero, and a 0 after a "< 10" gives away who left.
 */
export function isSuppressed(value: number, audience: Audience, smallNumbers: number | undefined): boolean {
  return audience === "extern" && smallNumbers !== undefined && value >= 0 && value < smallNumbers;
}

/** "12,5%", "€ 1.234", "1.234", "3,2 per 1.000 inwoners"; "< 10" when the kleine-aantallen rule applies. */
export function formatValue(value: number, unit: string, lang: Lang, opts: ValueOptions): string {
  if (!Number.isFinite(value)) return TEXT[lang].notANumber;
  const kind = unitKind(unit);
  if (isSuppressed(value, opts.audience, opts.smallNumbers)) {
    const limit = formatMagnitude(opts.smallNumbers ?? 0, lang, undefined, kind).text;
    return `< ${withUnit("", limit, unit, kind, lang)}`;
  }
  const { text, zero } = formatMagnitude(value, lang, opts.decimals, kind);
  return withUnit(value < 0 && !zero ? "-" : "", text, unit, kind, lang);
}

function deltaUnit(magnitude: string, zero: boolean, unit: string, kind: UnitKind, lang: Lang, sign: string): string {
  if (kind !== "percent") return withUnit(sign, magnitude, unit, kind, lang);
  // Dutch uses "procentpunt" for every amount; English needs the plural except for exactly 1.
  const word = magnitude === "1" && !zero ? TEXT[lang].percentagePoint : TEXT[lang].percentagePoints;
  return `${sign}${magnitude} ${word}`;
}

/**
 * Size of a difference without sign, in difference units: "2,5 procentpunt", "€ 3.400", "12",
 * "0,3 per 1.000 inwoners". Used for "nog 2,5 procentpunt van de streefwaarde".
 */
export function formatDifference(absolute: number, unit: string, lang: Lang, opts: NumberOptions = {}): string {
  if (!Number.isFinite(absolute)) return TEXT[lang].notANumber;
  const kind = unitKind(unit);
  const { text, zero } = formatMagnitude(absolute, lang, opts.decimals, kind);
  return deltaUnit(text, zero, unit, kind, lang, "");
}

/** Signed difference: "+1,8 procentpunt", "-3", "+€ 3.400", "+0,3 per 1.000 inwoners"; no change reads "±0". */
export function formatDelta(absolute: number, unit: string, lang: Lang, opts: NumberOptions = {}): string {
  if (!Number.isFinite(absolute)) return TEXT[lang].notANumber;
  const kind = unitKind(unit);
  const { text, zero } = formatMagnitude(absolute, lang, opts.decimals, kind);
  const sign = zero ? "±" : absolute < 0 ? "-" : "+";
  return deltaUnit(text, zero, unit, kind, lang, sign);
}

/** Relative change given as a fraction (0.052 → "+5,2%", -0.12 → "-12%", 0 → "±0%"). */
export function formatRelative(relative: number, lang: Lang, opts: NumberOptions = {}): string {
  if (!Number.isFinite(relative)) return TEXT[lang].notANumber;
  const { text, zero } = formatMagnitude(relative * 100, lang, opts.decimals);
  const sign = zero ? "±" : relative < 0 ? "-" : "+";
  return `${sign}${text}%`;
}

/** A calendar date in UTC: nl "3 juli 2025", en "3 July 2025". */
export function formatDate(date: Date, lang: Lang): string {
  return `${date.getUTCDate()} ${monthName(date.getUTCMonth() + 1, lang)} ${date.getUTCFullYear()}`;
}
