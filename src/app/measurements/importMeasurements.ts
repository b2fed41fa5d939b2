/**
 * Use case: import figures (CSV/JSON file or API body). Every row is validated first; nothing is
 * written when any row fails. A value for a period that already has one is a correction: the old
 * value stays as history and the correction is itself a change. The plan is made inside the import's
 * transaction (planImport.ts), so concurrent imports of one DIN see each other's values.
 */
import { createHash } from "node:crypto";
import { changeFromRecord, type DetectedChange } from "../../domain/changeRecord.ts";
import type { IndicatorChange } from "../../domain/changes.ts";
import type { MeasurementInput } from "../../domain/measurement.ts";
import { newsworthy } from "../../domain/newsworthy.ts";
import { parseMeasurementFile, parseMeasurementsJson } from "../../domain/measurementFile.ts";
import type { Validated, ValidationIssue } from "../../domain/validation.ts";
import { chooseDin, dinChoiceIssue, type DinChoice } from "../din/chooseDin.ts";
import type { Clock, DinStore, MeasurementPlan, MeasurementStore } from "../ports.ts";
import { planCounts, planImport } from "./planImport.ts";

export type MeasurementSource =
  | { kind: "file"; text: string; fileName: string }
  | { kind: "json"; body: unknown; origin: string };

export interface ImportSummary {
  ok: true;
  dinSlug: string;
  importId?: number;
  newCount: number;
  correctionCount: number;
  /** Values whose bron/opmerking changed, not the figure: stored with history, not announced. */
  metadataCount: number;
  /** Comparison and breakdown values stored (new or corrected): kept beside the figures, never announced. */
  contextCount: number;
  unchangedCount: number;
  /** Figure changes detected (new values and value corrections of the municipality's own series). */
  changeCount: number;
  /** Of those, the ones that are news (IndicatorChange.significant). */
  significantCount: number;
  /**
   * The changes, in the file's order, built when first read: detection keeps each as its stored record
   * (DetectedChange), and a summary that only counts (the CLI's) never pays for 50,000 full changes.
   */
  readonly changes: IndicatorChange[];
  /** newsworthy(changes), built from the records without building the rest (the announcement's input). */
  readonly news: IndicatorChange[];
}

export type ImportMeasurementsResult =
  | ImportSummary
  /** `din` is set when the municipality could not be chosen (the edge may word that its own way). */
  | { ok: false; issues: ValidationIssue[]; din?: Extract<DinChoice, { ok: false }> };

export async function importMeasurements(
  deps: { dins: DinStore; measurements: MeasurementStore; clock: Clock },
  input: {
    source: MeasurementSource;
    via: MeasurementPlan["via"];
    dinSlug?: string;
    /** Plan only: what the import would write, read under the same lock, then rolled back (the web's preview). */
    dryRun?: boolean;
  },
): Promise<ImportMeasurementsResult> {
  const fileName = input.source.kind === "file" ? input.source.fileName : input.source.origin;
  const choice = await chooseDin(deps.dins, input.dinSlug);
  if (!choice.ok) return { ok: false, issues: [dinChoiceIssue(choice, fileName, { nl: '"gemeente"', en: '"gemeente"' })], din: choice };
  const din = choice.din;

  const indicators = new Map(din.indicators.map((i) => [i.indicator.id, i.indicator]));
  const known = { indicatorIds: [...indicators.keys()], rules: indicators };
  const parsed: Validated<MeasurementInput[]> =
    input.source.kind === "file"
      ? parseMeasurementFile(input.source.text, input.source.fileName, known)
      : parseMeasurementsJson(input.source.body, input.source.origin, known);
  if (!parsed.ok) return parsed;

  const meta = { dinSlug: din.slug, via: input.via, fileName, contentHash: hashOf(input.source), recordedAt: deps.clock.now() };
  const ids = [...new Set(parsed.value.map((r) => r.indicatorId))];
  // Re-importing a file changes nothing: a plan without rows writes nothing and gets no import id.
  const { plan, importId } = input.dryRun
    ? await planOnly(deps.measurements, din.slug, ids, (current) => planImport(indicators, parsed.value, current, meta))
    : await deps.measurements.importInTurn(din.slug, ids, (current) => planImport(indicators, parsed.value, current, meta));
  const detected: DetectedChange[] = [];
  let significantCount = 0;
  for (const r of plan.rows) {
    if (!r.change) continue;
    detected.push(r.change);
    if (r.change.significant) significantCount++;
  }
  let changes: IndicatorChange[] | undefined;
  let news: IndicatorChange[] | undefined;
  // The parser only lets known indicators through, so each record has its indicator.
  const build = (d: DetectedChange) => changeFromRecord(indicators.get(d.indicatorId)!, d);
  return {
    ok: true,
    dinSlug: din.slug,
    ...(importId !== undefined ? { importId } : {}),
    ...planCounts(plan),
    unchangedCount: plan.unchangedCount,
    changeCount: detected.length,
    significantCount,
    get changes() {
      return (changes ??= detected.map(build));
    },
    get news() {
      return (news ??= newsworthy(detected).map(build));
    },
  };
}

/** Thrown inside the import's transaction to roll it back once the plan is known. */
class PlanOnly extends Error {
  readonly plan: MeasurementPlan;
  constructor(plan: MeasurementPlan) {
    super("plan only");
    this.plan = plan;
  }
}

async function planOnly(
  store: MeasurementStore,
  dinSlug: string,
  ids: readonly string[],
  plan: (current: Parameters<Parameters<MeasurementStore["importInTurn"]>[2]>[0]) => MeasurementPlan,
): Promise<{ plan: MeasurementPlan; importId?: number }> {
  try {
    await store.importInTurn(dinSlug, ids, (current) => {
      throw new PlanOnly(plan(current));
    });
  } catch (error) {
    if (error instanceof PlanOnly) return { plan: error.plan };
    throw error;
  }
  throw new Error("importInTurn returned without planning");
}

function hashOf(source: MeasurementSource): string {
  const content = source.kind === "file" ? source.text : JSON.stringify(source.body);
  return createHash("sha256").update(content).digest("hex");
}
