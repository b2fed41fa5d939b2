/**
 * A detected change as stored: only what depends on the series at the moment of the import (the value
 * it corrects, the previous value and the year-earlier value). Everything else in an IndicatorChange —
 * goal, assessment, referentie- and streefwaarde, significance — follows from the indicator's
 * definition, so it is derived again on reading with the same function that detected it (detectChanges
 * on the few points stored). With the DIN unchanged that gives exactly the change the import returned;
 * after a new DIN version, the change is shown against the DIN in force (its streefwaarde, its threshold).
 */
import { detectChanges, type IndicatorChange, type SeriesPoint } from "./changes.ts";
import type { Indicator } from "./din.ts";
import { parsePeriod, yearEarlier } from "./period.ts";

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

export function changeRecord(change: IndicatorChange): ChangeRecord {
  return {
    indicatorId: change.indicatorId,
    period: change.period,
    value: change.value,
    ...(change.correctedFrom !== undefined ? { correctedFrom: change.correctedFrom } : {}),
    ...(change.previous ? { previous: { period: change.previous.period, value: change.previous.value } } : {}),
    ...(change.yearEarlier ? { yearEarlierValue: change.yearEarlier.value } : {}),
  };
}

/**
 * The IndicatorChange a record stands for. The stored points are exactly what detection looked at: the
 * previous value is the latest earlier one, and the year-earlier period is never later than it.
 */
export function changeFromRecord(indicator: Indicator, record: ChangeRecord): IndicatorChange {
  const series: SeriesPoint[] = [{ period: record.period, value: record.value }];
  if (record.previous) series.push(record.previous);
  if (record.yearEarlierValue !== undefined) {
    const current = parsePeriod(record.period);
    if (!current.ok) throw new Error(`stored change has an invalid period: ${record.period}`);
    const key = yearEarlier(current.period).key;
    if (key !== record.previous?.period) series.push({ period: key, value: record.yearEarlierValue });
  }
  const options = record.correctedFrom !== undefined ? { correctedFrom: record.correctedFrom } : {};
  return detectChanges(indicator, series, [{ ...options, period: record.period }])[0]!;
}
