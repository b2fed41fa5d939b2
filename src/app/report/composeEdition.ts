/**
 * Use case: the model of one edition variant as it stands (a draft) — or, once published, what it
 * was. Which edition is next, which edition came before and when its window closed are decided
 * here from the published editions; everything else is composeReport (src/domain/report).
 *
 * An edition's window closes when its first variant is published: the other variants (English,
 * public) published later attach the same conclusions, so the editions agree with each other.
 */
import { composeReport, dinForEdition } from "../../domain/report/compose.ts";
import type { ReportModel } from "../../domain/report/model.ts";
import type { ValueRecord } from "../../domain/report/values.ts";
import { parsePeriod } from "../../domain/period.ts";
import type { Lang } from "../../domain/format.ts";
import type { EditionSummary, ReportDeps, StoredEdition } from "./ports.ts";

export interface EditionRequest {
  dinSlug?: string;
  /** Undefined: the next edition (see nextEdition). */
  edition?: number;
  lang: Lang;
  public: boolean;
}

export type ComposeEditionResult =
  | { status: "no-din" }
  | { status: "draft"; model: ReportModel }
  | { status: "published"; edition: StoredEdition };

/** The first publication moment per edition year (any variant). */
function windowsOf(published: readonly EditionSummary[]): Map<number, Date> {
  const first = new Map<number, Date>();
  for (const e of published) {
    const seen = first.get(e.edition);
    if (!seen || e.publishedAt < seen) first.set(e.edition, e.publishedAt);
  }
  return first;
}

/** The next edition: the year after the newest published one; before any, the newest year with figures. */
async function nextEdition(deps: ReportDeps, dinSlug: string, published: readonly EditionSummary[]): Promise<number> {
  const newestPublished = Math.max(...published.map((e) => e.edition));
  if (Number.isFinite(newestPublished)) return newestPublished + 1;
  const years = [...(await deps.measurements.latestPeriods(dinSlug)).values()]
    .map((key) => parsePeriod(key))
    .flatMap((p) => (p.ok ? [p.period.year] : []));
  return years.length > 0 ? Math.max(...years) : deps.clock.now().getUTCFullYear() - 1;
}

export async function composeEdition(deps: ReportDeps, request: EditionRequest): Promise<ComposeEditionResult> {
  const state = await deps.dins.loadDin(request.dinSlug);
  if (!state) return { status: "no-din" };
  const dinSlug = state.slug;
  const published = await deps.reports.publishedEditions(dinSlug);
  const edition = request.edition ?? (await nextEdition(deps, dinSlug, published));
  const frozen = await deps.reports.edition({ dinSlug, edition, lang: request.lang, public: request.public });
  if (frozen) return { status: "published", edition: frozen };
  return { status: "draft", model: await draftModel(deps, { dinSlug, edition, public: request.public }, published) };
}

/** The model of an edition not yet published in this variant, with the window its published variants fixed. */
export async function draftModel(
  deps: ReportDeps,
  request: { dinSlug: string; edition: number; public: boolean },
  published: readonly EditionSummary[],
): Promise<ReportModel> {
  const windows = windowsOf(published);
  const cutoff = windows.get(request.edition) ?? deps.clock.now();
  const previousYear = Math.max(...[...windows.keys()].filter((y) => y < request.edition));
  const previousCutoff = windows.get(previousYear);
  const versions = await deps.reports.dinVersions(request.dinSlug);
  const din = dinForEdition(versions, request.edition)?.definition;
  if (!din) throw new Error(`DIN ${request.dinSlug} has no version`); // loadDin found one: a bug
  const history = new Map<string, ValueRecord[]>();
  for (const indicator of din.indicators) {
    if (request.public && indicator.visibility === "intern") continue;
    history.set(indicator.id, await deps.measurements.history(request.dinSlug, indicator.id));
  }
  // One read for every shown indicator's comparison and breakdown values.
  const context = Map.groupBy(await deps.measurements.contextValues(request.dinSlug, [...history.keys()]), (v) => v.indicatorId);
  return composeReport({
    din,
    context,
    dinSlug: request.dinSlug,
    edition: request.edition,
    public: request.public,
    cutoff,
    ...(previousCutoff ? { previous: { edition: previousYear, cutoff: previousCutoff } } : {}),
    history,
    sessions: await deps.reports.sessionsForReport(request.dinSlug),
  });
}
