/**
 * A detected change as stored: only what depends on the series at the moment of the import (the value
 * it corrects, the previous value and the year-earlier value). Everything else in an IndicatorChange —
 * goal, assessment, referentie- and streefwaarde, significance — follows from the indicator's
 * definition, so it is derived again on reading with the same function that detected it (changeAt, on
 * the points stored). With the DIN unchanged that gives exactly the change the import returned;
 * after a new DIN version, the change is shown against the DIN in force (its streefwaarde, its threshold).
 */
import { changeAt, isSignificant, type IndicatorChange, type SeriesPoint } from "./changes.ts";
import { locateChanges, type ChangeRequest } from "./changeSearch.ts";
import type { Indicator } from "./din.ts";
import { parsePeriod, yearEarlier, type Period } from "./period.ts";

export interface ChangeRecord {
  indicatorId: string;
  period: string;
  value: number;
  /** Set for a correction: the figure it replaced. */
  correctedFrom?: number;
  /** The latest earlier period of the same kind that had a value when the change was detected. */
  previous?: { period: string; value: number };
  /** The value of the same period a year earlier (sub-annual periods), when it had one. */
  yearEarlierValue?: number;
}

/** A change as an import detects it: what it stores, and whether it is news (changeAt's `significant`). */
export interface DetectedChange extends ChangeRecord {
  significant: boolean;
}

/**
 * Detection for an import: detectChanges' search and significance, but each value described by its
 * record (two small objects) instead of an IndicatorChange (six). The import returns these and builds
 * the full changes only when something reads them (changeFromRecord gives exactly what changeAt would:
 * a test compares them). For 50,000 values that was most of the import's planning (issue #15).
 */
export function detectChangeRecords(
  indicator: Indicator,
  series: readonly SeriesPoint[] | ReadonlyMap<string, number>,
  requests: readonly ChangeRequest[],
): DetectedChange[] {
  const detected = new Array<DetectedChange>(requests.length);
  locateChanges(indicator, series, requests, (i, current, value, found) => {
    const correctedFrom = found.options.correctedFrom;
    const previousValue = found.previous?.value;
    const record: DetectedChange = { indicatorId: indicator.id, period: current.key, value, significant: isSignificant(indicator, value, previousValue, correctedFrom) };
    if (correctedFrom !== undefined) record.correctedFrom = correctedFrom;
    if (found.previous) record.previous = { period: found.previous.period.key, value: found.previous.value };
    if (found.yearEarlier) record.yearEarlierValue = found.yearEarlier.value;
    detected[i] = record;
  });
  return detected;
}

export function changeRecord(change: IndicatorChange): ChangeRecord {
  // Assigned, not spread: an import makes one per value (50,000 in the bench).
  const record: ChangeRecord = { indicatorId: change.indicatorId, period: change.period, value: change.value };
  if (change.correctedFrom !== undefined) record.correctedFrom = change.correctedFrom;
  if (change.previous) record.previous = { period: change.previous.period, value: change.previous.value };
  if (change.yearEarlier) record.yearEarlierValue = change.yearEarlier.value;
  return record;
}

/** The IndicatorChange a record stands for: the comparison points it stored, the rest from the definition. */
export function changeFromRecord(indicator: Indicator, record: ChangeRecord): IndicatorChange {
  const current = parseStored(record.period);
  const found: Parameters<typeof changeAt>[3] = { options: record.correctedFrom !== undefined ? { correctedFrom: record.correctedFrom } : {} };
  if (record.previous) found.previous = { period: parseStored(record.previous.period), value: record.previous.value };
  if (record.yearEarlierValue !== undefined) found.yearEarlier = { period: yearEarlier(current), value: record.yearEarlierValue };
  return changeAt(indicator, current, record.value, found);
}

function parseStored(key: string): Period {
  const parsed = parsePeriod(key);
  if (!parsed.ok) throw new Error(`stored change has an invalid period: ${key}`);
  return parsed.period;
}
