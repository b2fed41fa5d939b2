/**
 * Decides what an import writes, given the values stored when it is written (the store calls this
 * inside the import's transaction, see MeasurementStore.importInTurn): new values, corrections of a
 * value (a figure change, with the exact value it replaces as "was"), corrections of bron/opmerking
 * only (kept as history, no figure change), and rows that change nothing.
 */
import { detectChangeRecords } from "../../domain/changeRecord.ts";
import type { ChangeRequest } from "../../domain/changeSearch.ts";
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
  // Per series, period → stored value: nested maps, no key string per value (50,000 in a large import).
  const stored = new Map<string, Map<string, CurrentMeasurement>>();
  for (const v of current) mapOf(stored, seriesId(v)).set(v.period, v);
  // The municipality's series per indicator as they will be after this import: current values overlaid
  // with the new rows. Comparison and breakdown rows are no part of it: they never make a change.
  const series = new Map<string, Map<string, number>>();
  for (const v of current) if (isTotalSeries(v)) mapOf(series, v.indicatorId).set(v.period, v.value);
  for (const r of rows) if (isTotalSeries(r)) mapOf(series, r.indicatorId).set(r.period, r.value);

  const plan: MeasurementPlan = { ...meta, unchangedCount: 0, rows: [] };
  // An import has few distinct periods (10 in the bench's 50,000 values): rows of one period share its
  // start Date and its request for a new value, instead of one object each that lives as long as the
  // plan (objects that survive are what the garbage collector pays for; issue #15).
  const shared = new Map<string, { start: Date; request: ChangeRequest }>();
  // Rows whose figure changed, per indicator: each series is then described in one pass (detectChangeRecords).
  const toDetect = new Map<string, { rows: MeasurementPlan["rows"]; requests: ChangeRequest[] }>();
  for (const row of rows) {
    const previous = stored.get(seriesId(row))?.get(row.period);
    let periodOf = shared.get(row.period);
    if (periodOf === undefined) {
      const period = parsePeriod(row.period);
      if (!period.ok) throw new Error(`parser let an invalid period through: ${row.period}`);
      shared.set(row.period, (periodOf = { start: periodStart(period.period), request: { period: row.period } }));
    }

    if (previous !== undefined && Math.abs(previous.value - row.value) <= SAME_VALUE_TOLERANCE) {
      if (!metadataDiffers(row, previous)) {
        plan.unchangedCount++;
        continue;
      }
      // The same figure with another bron/opmerking: a new row (the old one stays as history), no change.
      plan.rows.push(plannedRow(row, periodOf.start, previous.value, row.source ?? previous.source, row.note ?? previous.note, true));
      continue;
    }
    const planned = plannedRow(row, periodOf.start, row.value, row.source, row.note, previous !== undefined);
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
    pending.requests.push(previous === undefined ? periodOf.request : { period: row.period, correctedFrom: previous.value });
  }
  for (const [indicatorId, pending] of toDetect) {
    const indicator = indicators.get(indicatorId)!; // the parser only lets known ids through
    const changes = detectChangeRecords(indicator, mapOf(series, indicatorId), pending.requests);
    for (let i = 0; i < pending.rows.length; i++) pending.rows[i]!.change = changes[i]!;
  }
  return plan;
}

/** A row to write; source and note only when set (a row without them keeps one object shape too). */
function plannedRow(
  row: MeasurementInput,
  start: Date,
  value: number,
  source: string | undefined,
  note: string | undefined,
  correction: boolean,
): MeasurementPlan["rows"][number] {
  const planned: MeasurementPlan["rows"][number] = { indicatorId: row.indicatorId, period: row.period, periodStart: start, origin: row.origin, value, correction };
  if (source !== undefined) planned.source = source;
  if (note !== undefined) planned.note = note;
  // Only the parts a row has, so the municipality's own rows stay as small as before.
  if (row.area) planned.area = row.area;
  if (row.dimension) {
    planned.dimension = row.dimension;
    planned.category = row.category ?? "";
  }
  return planned;
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

/** The series a value belongs to: the indicator's own total, or one of its areas or breakdown cells. */
function seriesId(v: { indicatorId: string } & SeriesKey): string {
  return isTotalSeries(v) ? v.indicatorId : valueKeyText(v.indicatorId, "", v);
}

function mapOf<T>(all: Map<string, Map<string, T>>, id: string): Map<string, T> {
  let s = all.get(id);
  if (!s) all.set(id, (s = new Map()));
  return s;
}
