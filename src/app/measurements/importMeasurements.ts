/**
 * Use case: import figures (CSV/JSON file or API body). Every row is validated first; nothing is
 * written when any row fails. A value for a period that already has one is a correction: the old
 * value stays as history and the correction is itself a change.
 */
import { createHash } from "node:crypto";
import { detectChange } from "../../domain/changes.ts";
import type { IndicatorChange } from "../../domain/changes.ts";
import type { Indicator } from "../../domain/din.ts";
import type { MeasurementInput } from "../../domain/measurement.ts";
import { parseMeasurementFile, parseMeasurementsJson } from "../../domain/measurementFile.ts";
import { parsePeriod, periodStart } from "../../domain/period.ts";
import type { Validated, ValidationIssue } from "../../domain/validation.ts";
import type { Clock, DinState, DinStore, MeasurementPlan, MeasurementStore } from "../ports.ts";

export type MeasurementSource =
  | { kind: "file"; text: string; fileName: string }
  | { kind: "json"; body: unknown; origin: string };

export interface ImportSummary {
  ok: true;
  dinSlug: string;
  importId?: number;
  newCount: number;
  correctionCount: number;
  unchangedCount: number;
  changes: IndicatorChange[];
}

export type ImportMeasurementsResult = ImportSummary | { ok: false; issues: ValidationIssue[] };

const SAME_VALUE_TOLERANCE = 1e-12;

export async function importMeasurements(
  deps: { dins: DinStore; measurements: MeasurementStore; clock: Clock },
  input: { source: MeasurementSource; via: MeasurementPlan["via"]; dinSlug?: string },
): Promise<ImportMeasurementsResult> {
  const fileName = input.source.kind === "file" ? input.source.fileName : input.source.origin;
  const din = await deps.dins.loadDin(input.dinSlug);
  if (!din) return { ok: false, issues: [noDinIssue(fileName)] };

  const indicators = new Map(din.indicators.map((i) => [i.indicator.id, i.indicator]));
  const known = { indicatorIds: [...indicators.keys()], rules: indicators };
  const parsed: Validated<MeasurementInput[]> =
    input.source.kind === "file"
      ? parseMeasurementFile(input.source.text, input.source.fileName, known)
      : parseMeasurementsJson(input.source.body, input.source.origin, known);
  if (!parsed.ok) return parsed;

  const plan = await planImport(deps.measurements, din, indicators, parsed.value, {
    via: input.via,
    fileName,
    contentHash: hashOf(input.source),
    recordedAt: deps.clock.now(),
  });
  const summary: ImportSummary = {
    ok: true,
    dinSlug: din.slug,
    newCount: plan.rows.filter((r) => !r.correction).length,
    correctionCount: plan.rows.filter((r) => r.correction).length,
    unchangedCount: plan.unchangedCount,
    changes: plan.rows.map((r) => r.change),
  };
  if (plan.rows.length === 0) return summary; // nothing new: re-importing a file changes nothing
  const { importId } = await deps.measurements.commitPlan(plan);
  return { ...summary, importId };
}

async function planImport(
  store: MeasurementStore,
  din: DinState,
  indicators: Map<string, Indicator>,
  rows: MeasurementInput[],
  meta: Pick<MeasurementPlan, "via" | "fileName" | "contentHash" | "recordedAt">,
): Promise<MeasurementPlan> {
  const ids = [...new Set(rows.map((r) => r.indicatorId))];
  const current = await store.currentValues(din.slug, ids);
  // Series per indicator as they will be after this import: current values overlaid with the new rows.
  const series = new Map<string, Map<string, number>>();
  for (const v of current) seriesOf(series, v.indicatorId).set(v.period, v.value);
  const before = new Map([...series].map(([id, s]) => [id, new Map(s)]));
  for (const r of rows) seriesOf(series, r.indicatorId).set(r.period, r.value);

  const plan: MeasurementPlan = { ...meta, dinSlug: din.slug, unchangedCount: 0, rows: [] };
  for (const row of rows) {
    const previous = before.get(row.indicatorId)?.get(row.period);
    if (previous !== undefined && Math.abs(previous - row.value) <= SAME_VALUE_TOLERANCE) {
      plan.unchangedCount++;
      continue;
    }
    const indicator = indicators.get(row.indicatorId)!; // the parser only lets known ids through
    const points = [...seriesOf(series, row.indicatorId)].map(([period, value]) => ({ period, value }));
    const change = detectChange(indicator, points, row.period, previous === undefined ? {} : { correctedFrom: previous });
    const period = parsePeriod(row.period);
    if (!period.ok) throw new Error(`parser let an invalid period through: ${row.period}`);
    plan.rows.push({
      indicatorId: row.indicatorId,
      period: row.period,
      periodStart: periodStart(period.period),
      value: row.value,
      ...(row.source !== undefined ? { source: row.source } : {}),
      ...(row.note !== undefined ? { note: row.note } : {}),
      origin: row.origin,
      correction: previous !== undefined,
      change,
    });
  }
  return plan;
}

function seriesOf(all: Map<string, Map<string, number>>, id: string): Map<string, number> {
  let s = all.get(id);
  if (!s) all.set(id, (s = new Map()));
  return s;
}

function hashOf(source: MeasurementSource): string {
  const content = source.kind === "file" ? source.text : JSON.stringify(source.body);
  return createHash("sha256").update(content).digest("hex");
}

function noDinIssue(file: string): ValidationIssue {
  return {
    file,
    field: "din",
    message: "er is nog geen DIN geïmporteerd: importeer eerst een DIN-bestand (duidbot din import din.yaml)",
    messageEn: "no DIN has been imported yet: import a DIN file first (duidbot din import din.yaml)",
  };
}
