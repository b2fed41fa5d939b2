/**
 * The DIN (Doelen Inspanningen Netwerk): the goal tree of one municipality for one year.
 * Pure types; the YAML reader in `dinFile.ts` produces a `DinDefinition`.
 */
import type { Delay } from "./delay.ts";

export type IndicatorKind = "effect" | "prestatie";
export type Direction = "hoger-is-beter" | "lager-is-beter" | "neutraal";
export type Frequency = "jaarlijks" | "kwartaal" | "maand" | "week";
export type Visibility = "openbaar" | "intern";
/** Whether figures are still expected: a stopped or one-off source is never late. */
export type SourceStatus = "actief" | "gestopt" | "eenmalig";

/** A value at a period, e.g. the referentiewaarde (baseline) or streefwaarde (target). */
export interface PeriodValue {
  /** Canonical period string, see `period.ts` (e.g. "2022", "2024-Q1", "2024-03", "2024-W12"). */
  period: string;
  value: number;
}

/** When a change counts as significant. Default (when absent): relative ≥ 5% or a target crossing. */
export type Threshold = { absolute: number } | { relative: number };

export interface Indicator {
  id: string;
  name: string;
  kind: IndicatorKind;
  /** The doel this indicator is read under; prestatie-indicatoren inherit it from their speerpunt when not given. */
  goalId: string;
  /** Free text unit: "%", "aantal", "per 1.000 inwoners", "€", ... */
  unit: string;
  /**
   * True when the values count people or cases (the kleine-aantallen rule applies). Absent in older
   * DINs: then `isCount` guesses from the unit, on the safe side.
   */
  count?: boolean;
  /** Plausible values [min, max]; default: counts at least 0, "%" from 0 to 100, otherwise any number. */
  range?: [number, number];
  direction: Direction;
  baseline?: PeriodValue;
  target?: PeriodValue;
  source?: string;
  frequency: Frequency;
  visibility: Visibility;
  threshold?: Threshold;
  /**
   * Kleine-aantallen rule: counts below this number are shown as "< n" outside internal use.
   * Defaults to 10 for counts (see `isCount`), undefined otherwise.
   */
  smallNumbers?: number;
  description?: string;
  /**
   * "gestopt" or "eenmalig": no new figures are expected, so they are never late. Given on the indicator
   * or inherited from its source in the DIN's `sources` (dinSources.ts); absent = actief.
   */
  status?: SourceStatus;
  /** Time after a period's end before its figure is due (e.g. 6 months for CBS annual figures); default by frequency (lateData.ts). */
  expectedDelay?: Delay;
  /** A stelselindicator: one of the few headline indicators of its opgave, shown as an arrow on the voorblad. */
  stelsel?: boolean;
  /**
   * Comparison areas shown beside the municipality, in this order: names as in the figures' `gebied`
   * (matched by slug; see area.ts). An area without figures is simply not shown.
   */
  compare?: string[];
}

export interface Goal {
  id: string;
  name: string;
  opgaveId: string;
}

export interface Opgave {
  id: string;
  name: string;
}

export interface Speerpunt {
  id: string;
  name: string;
  goalId: string;
  /** Beleidskader the speerpunt comes from (e.g. "Jeugd", "Wmo-Samenleving", "Armoede & Schulden"). */
  beleidskader: string;
  /** Ids of the prestatie-indicatoren of this speerpunt. */
  indicatorIds: string[];
}

export interface DinDefinition {
  municipality: string;
  year: number;
  mission: string;
  opgaven: Opgave[];
  goals: Goal[];
  speerpunten: Speerpunt[];
  indicators: Indicator[];
}

export const DEFAULT_SMALL_NUMBER_LIMIT = 10;
/** Default significance: relative change of at least 5%. */
export const DEFAULT_RELATIVE_THRESHOLD = 0.05;

/** The unit is plain "aantal": values are shown without a unit word ("12", not "12 aantal"). */
export function isPlainCountUnit(unit: string): boolean {
  return unit.trim().toLowerCase() === "aantal";
}

/** Nouns that, as a unit, count people or their cases: "personen", "huishoudens", "cliënten", ... */
const COUNT_NOUNS = new Set([
  "personen", "mensen", "inwoners", "huishoudens", "gezinnen", "cliënten", "clienten", "jongeren", "jeugdigen",
  "kinderen", "leerlingen", "volwassenen", "ouderen", "bewoners", "deelnemers", "aanvragen", "meldingen",
  "klachten", "trajecten", "uitkeringen", "indicaties", "beschikkingen", "zaken", "dossiers", "huisuitzettingen",
  "stuks", "persons", "people", "households", "clients", "cases",
]);

/**
 * A guess whether a unit counts people or cases: "aantal", "aantal personen", "personen", "cliënten".
 * Rates and amounts are not counts: anything with "per", "%", "€" or "/" ("per 1.000 inwoners").
 */
export function looksLikeCount(unit: string): boolean {
  const u = unit.normalize("NFC").trim().toLowerCase();
  if (/%|€|\/|\bper\b|\bpro\b/.test(u)) return false;
  const words = u.split(/[^\p{L}]+/u).filter((w) => w !== "");
  if (words[0] === "aantal" || words[0] === "count" || words[0] === "number") return true;
  return words.some((w) => COUNT_NOUNS.has(w));
}

/**
 * Counts are the indicators the kleine-aantallen rule applies to. The DIN decides with `count`;
 * without it a count-like unit counts (a guess on the safe side: hiding a small rate costs little,
 * showing a small count identifies people). The DIN import warns when it had to guess.
 */
export function isCount(indicator: Pick<Indicator, "unit" | "count">): boolean {
  return indicator.count ?? looksLikeCount(indicator.unit);
}

export function smallNumberLimit(indicator: Pick<Indicator, "unit" | "count" | "smallNumbers">): number | undefined {
  if (indicator.smallNumbers !== undefined) return indicator.smallNumbers;
  return isCount(indicator) ? DEFAULT_SMALL_NUMBER_LIMIT : undefined;
}
