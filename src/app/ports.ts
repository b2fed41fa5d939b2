/**
 * Ports: what the use cases need from the outside world. src/store implements the store
 * ports with Prisma; tests may use fakes. Use cases never import src/store or adapters.
 */
import type { DinDefinition, Indicator } from "../domain/din.ts";
import type { ChangeRecord, DetectedChange } from "../domain/changeRecord.ts";
import type { SeriesKey } from "../domain/measurement.ts";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What is known about one municipality's DIN: the newest version plus every indicator ever defined. */
export interface DinState {
  slug: string;
  latest: DinDefinition;
  versions: { year: number; fileName: string; importedAt: Date }[];
  /** Every indicator across versions (newest definition); `retired` = absent from the newest version. */
  indicators: { indicator: Indicator; firstYear: number; lastYear: number; retired: boolean }[];
}

export type DinSaveStatus = "created" | "updated" | "unchanged";

export interface DinSaveResult {
  status: DinSaveStatus;
  year: number;
  slug: string;
  /** Indicators new in this version compared with the version before it. */
  added: string[];
  /** Indicators in the previous version that this version no longer has. */
  retired: string[];
}

export interface DinStore {
  /** The DIN of one municipality, or the only one when slug is omitted. */
  loadDin(slug?: string): Promise<DinState | undefined>;
  listDinSlugs(): Promise<string[]>;
  saveDinVersion(definition: DinDefinition, meta: { fileName: string; contentHash: string }): Promise<DinSaveResult>;
}

export interface CurrentValue {
  indicatorId: string;
  period: string;
  value: number;
}

/** A current value with the metadata an import compares it with; a comparison or breakdown row names its series. */
export interface CurrentMeasurement extends CurrentValue, SeriesKey {
  source?: string;
  note?: string;
}

/** A current value of a comparison area or a breakdown cell (not the municipality's total). */
export interface ContextValue extends CurrentValue, SeriesKey {}

/** The measurements part of an import, decided by the use case, written atomically by the store. */
export interface MeasurementPlan {
  dinSlug: string;
  via: "cli" | "api" | "web" | "example";
  fileName: string;
  contentHash: string;
  /** When the import happens (from the Clock): stamps values, superseded rows and changes. */
  recordedAt: Date;
  unchangedCount: number;
  rows: {
    indicatorId: string;
    period: string;
    periodStart: Date;
    value: number;
    source?: string;
    note?: string;
    origin: string;
    /** True when this replaces a current value: the old row is kept as history. */
    correction: boolean;
    /**
     * The figure change as detected (its stored form and significance; the import builds the full
     * IndicatorChange from it when read); absent for a correction of bron/opmerking only (the value
     * stayed the same) and for comparison/breakdown rows.
     */
    change?: DetectedChange;
    /** A comparison or breakdown row (absent: the municipality's total). Never a change of its own. */
    area?: string;
    dimension?: string;
    category?: string;
    /** A comparison or breakdown value that replaced another: the exact value it replaced (totals keep it in `change`). */
    correctedFrom?: number;
  }[];
}

export interface MeasurementStore {
  /** Current (not superseded) values of the given indicators, all periods: the municipality's totals only. */
  currentValues(dinSlug: string, indicatorIds: readonly string[]): Promise<CurrentValue[]>;
  /** Current values of the given indicators' comparison areas and breakdown cells, all periods. */
  contextValues(dinSlug: string, indicatorIds: readonly string[]): Promise<ContextValue[]>;
  /** Newest current period per indicator (for late-data detection). */
  latestPeriods(dinSlug: string): Promise<Map<string, string>>;
  /**
   * One import, in turn: inside one transaction that holds the DIN's import lock, reads the current
   * values of the given indicators, lets `plan` decide, and writes its rows and changes. Concurrent
   * imports of one DIN (API requests, the CLI beside `serve` on PostgreSQL) so plan on each other's
   * results. A plan without rows writes nothing and gets no import id.
   */
  importInTurn(
    dinSlug: string,
    indicatorIds: readonly string[],
    plan: (current: CurrentMeasurement[]) => MeasurementPlan,
  ): Promise<{ plan: MeasurementPlan; importId?: number }>;
  /**
   * The changes detected at or after `since` (all when undefined), oldest first, as stored: rebuild them
   * with changeFromRecord (changesFromRecords). `newsOnly`: only what newsworthy() keeps — every
   * correction and each indicator's newest new period — selected by the database.
   */
  changesSince(dinSlug: string, since: Date | undefined, options?: { newsOnly?: boolean }): Promise<ChangeRecord[]>;
  /** Full history of one indicator's total, superseded values included, oldest first. */
  history(dinSlug: string, indicatorId: string): Promise<(CurrentMeasurement & { recordedAt: Date; supersededAt?: Date; origin: string })[]>;
  isEmpty(): Promise<boolean>;
}
