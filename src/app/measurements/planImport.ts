/**
 * Decides what an import writes, given the values stored when it is written (the store calls this
 * inside the import's transaction, see MeasurementStore.importInTurn): new values, corrections of a
 * value (a figure change, with the exact value it replaces as "was"), corrections of bron/opmerking
 * only (kept as history, no figure change), and rows that change nothing.
 */
import { detectChanges, type ChangeRequest } from "../../domain/changes.ts";
import type { Indicator } from "../../domain/din.ts";
import { isTotalSeries, valueKeyText } from "../../domain/measurement.ts";
import type { MeasurementInput, SeriesKey } from "../../domain/measurement.ts";
import { parsePeriod, periodStart } from "../../domain/period.ts";
import type { CurrentMeasurement, MeasurementPlan } from "../ports.ts";

const SAME_VALUE_TOLERANCE = 1e-12;

export type PlanMeta = Pick<MeasurementPlan, "dinSlug" | "via" | "fileName" | "contentHash" | "recordedAt">;

/**
 * A bron/opmerking the row gives that differs from the stored one. An empty or absent field keeps the
 * stored text: a file without a bron column must not wipe the bron an earlier import gave.
 */
function metadataDiffers(row: MeasurementInput, stored: CurrentMeasurement): boolean {
  return (row.source !== undefined && row.source !== stored.source) || (row.note !== undefined && row.note !== stored.note);
}

export function planImport(
  indicators: ReadonlyMap<string, Indicator>,
  rows: readonly MeasurementInput[],
  current: readonly CurrentMeasurement[],
  meta: PlanMeta,
): MeasurementPlan {
  const stored = new Map(current.map((v) => [keyOf(v), v]));
  // The municipality's series per indicator as they will be after this import: current values overlaid
  // with the new rows. Comparison and breakdown rows are no part of it: they never make a change.
  const series = new Map<string, Map<string, number>>();
  for (const v of current) if (isTotalSeries(v)) seriesOf(series, v.indicatorId).set(v.period, v.value);
  for (const r of rows) if (isTotalSeries(r)) seriesOf(series, r.indicatorId).set(r.period, r.value);

  const plan: MeasurementPlan = { ...meta, unchangedCount: 0, rows: [] };
  // Rows whose figure changed, per indicator: each series is then described in one pass (detectChanges).
  const toDetect = new Map<string, { rows: MeasurementPlan["rows"]; requests: ChangeRequest[] }>();
  for (const row of rows) {
    const previous = stored.get(keyOf(row));
    const period = parsePeriod(row.period);
    if (!period.ok) throw new Error(`parser let an invalid period through: ${row.period}`);
    const base = { indicatorId: row.indicatorId, period: row.period, periodStart: periodStart(period.period), origin: row.origin, ...seriesFields(row) };

    if (previous !== undefined && Math.abs(previous.value - row.value) <= SAME_VALUE_TOLERANCE) {
      if (!metadataDiffers(row, previous)) {
        plan.unchangedCount++;
        continue;
      }
      // The same figure with another bron/opmerking: a new row (the old one stays as history), no change.
      const source = row.source ?? previous.source;
      const note = row.note ?? previous.note;
      plan.rows.push({ ...base, value: previous.value, ...(source !== undefined ? { source } : {}), ...(note !== undefined ? { note } : {}), correction: true });
      continue;
    }
    const planned: MeasurementPlan["rows"][number] = {
      ...base,
      value: row.value,
      ...(row.source !== undefined ? { source: row.source } : {}),
      ...(row.note !== undefined ? { note: row.note } : {}),
      correction: previous !== undefined,
    };
    if (!isTotalSeries(row)) {
      // A comparison or breakdown value: stored (a correction keeps the exact value it replaced), never announced.
      if (previous !== undefined) planned.correctedFrom = previous.value;
      plan.rows.push(planned);
      continue;
    }
    plan.rows.push(planned);
    let pending = toDetect.get(row.indicatorId);
    if (!pending) toDetect.set(row.indicatorId, (pending = { rows: [], requests: [] }));
    pending.rows.push(planned);
    pending.requests.push(previous === undefined ? { period: row.period } : { period: row.period, correctedFrom: previous.value });
  }
  for (const [indicatorId, pending] of toDetect) {
    const indicator = indicators.get(indicatorId)!; // the parser only lets known ids through
    const points = [...seriesOf(series, indicatorId)].map(([p, value]) => ({ period: p, value }));
    const changes = detectChanges(indicator, points, pending.requests);
    pending.rows.forEach((planned, i) => (planned.change = changes[i]!));
  }
  return plan;
}

/**
 * What a plan does, counted one way for the import's answer and its stored row: new values, value
 * corrections (a figure change), and bron/opmerking corrections (a new row without a change) of the
 * municipality's own figures; and the comparison and breakdown values stored (new or corrected), which
 * are never announced.
 */
export function planCounts(plan: Pick<MeasurementPlan, "rows">): { newCount: number; correctionCount: number; metadataCount: number; contextCount: number } {
  const counts = { newCount: 0, correctionCount: 0, metadataCount: 0, contextCount: 0 };
  for (const r of plan.rows) {
    if (!r.correction && !isTotalSeries(r)) counts.contextCount++;
    else if (r.correctedFrom !== undefined) counts.contextCount++;
    else if (!r.correction) counts.newCount++;
    else if (r.change) counts.correctionCount++;
    else counts.metadataCount++;
  }
  return counts;
}

function seriesOf(all: Map<string, Map<string, number>>, id: string): Map<string, number> {
  let s = all.get(id);
  if (!s) all.set(id, (s = new Map()));
  return s;
}

/** Indicator, period and series: what one current value is stored under. */
function keyOf(v: { indicatorId: string; period: string } & SeriesKey): string {
  return valueKeyText(v.indicatorId, v.period, v);
}

/** Only the parts a row has, so totals stay as small as before. */
function seriesFields(key: SeriesKey): SeriesKey {
  return {
    ...(key.area ? { area: key.area } : {}),
    ...(key.dimension ? { dimension: key.dimension, category: key.category ?? "" } : {}),
  };
}
