/**
 * The DIN (Doelen Inspanningen Netwerk): the goal tree of one municipality for one year.
 * Pure types; the YAML reader in `dinFile.ts` produces a `DinDefinition`.
 */

export type IndicatorKind = "effect" | "prestatie";
export type Direction = "hoger-is-beter" | "lager-is-beter" | "neutraal";
export type Frequency = "jaarlijks" | "kwartaal" | "maand" | "week";
export type Visibility = "openbaar" | "intern";

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
  direction: Direction;
  baseline?: PeriodValue;
  target?: PeriodValue;
  source?: string;
  frequency: Frequency;
  visibility: Visibility;
  threshold?: Threshold;
  /**
   * Kleine-aantallen rule: counts below this number are shown as "< n" outside internal use.
   * Only meaningful for counts (unit "aantal"); defaults to 10 for counts, undefined otherwise.
   */
  smallNumbers?: number;
  description?: string;
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

/** Counts are the indicators the kleine-aantallen rule applies to. */
export function isCount(indicator: Pick<Indicator, "unit">): boolean {
  return indicator.unit.trim().toLowerCase() === "aantal";
}

export function smallNumberLimit(indicator: Pick<Indicator, "unit" | "smallNumbers">): number | undefined {
  if (indicator.smallNumbers !== undefined) return indicator.smallNumbers;
  return isCount(indicator) ? DEFAULT_SMALL_NUMBER_LIMIT : undefined;
}
