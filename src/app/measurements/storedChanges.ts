/** Stored changes back into IndicatorChanges, against the DIN in force (src/domain/changeRecord.ts). */
import { changeFromRecord, type ChangeRecord } from "../../domain/changeRecord.ts";
import type { IndicatorChange } from "../../domain/changes.ts";
import type { DinState } from "../ports.ts";

export function changesFromRecords(din: DinState, records: readonly ChangeRecord[]): IndicatorChange[] {
  const indicators = new Map(din.indicators.map((i) => [i.indicator.id, i.indicator]));
  return records.map((record) => {
    const indicator = indicators.get(record.indicatorId);
    // Indicators are never deleted (a retired one stays in DinState), so this is a broken database.
    if (!indicator) throw new Error(`change of ${record.indicatorId} ${record.period}: indicator not in DIN ${din.slug}`);
    return changeFromRecord(indicator, record);
  });
}
