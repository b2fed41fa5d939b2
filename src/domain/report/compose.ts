/**
 * Composes the report model of one edition from the DIN in force, the figures and the conclusion
 * versions. Pure: the use case (src/app/report) reads the stores and passes everything in, the
 * renderer (src/report) only formats what this decides. Public mode decides here, once: intern
 * indicators are left out, small counts lose their value, and a conclusion only about intern
 * indicators is not attached.
 */
import { storedActionStatus } from "../actionStatus.ts";
import type { DinDefinition, Indicator } from "../din.ts";
import { smallNumberLimit } from "../din.ts";
import { DEFAULT_SMALL_NUMBER_LIMIT } from "../din.ts";
import { isSuppressed } from "../format.ts";
import { attachments, type Attachment, type SessionForReport } from "./editions.ts";
import type { ReportConclusion, ReportGoal, ReportIndicator, ReportModel } from "./model.ts";
import { targetStatus } from "./targetStatus.ts";
import { figuresOf, type ValueRecord } from "./values.ts";
import { reportContext } from "./context.ts";
import type { SeriesValue } from "../comparison.ts";

export interface ComposeInput {
  din: DinDefinition;
  dinSlug: string;
  edition: number;
  public: boolean;
  /** Conclusions adopted up to here are attached; figures as recorded at this moment. */
  cutoff: Date;
  previous?: { edition: number; cutoff: Date };
  /** MeasurementStore.history per indicator id. */
  history: ReadonlyMap<string, readonly ValueRecord[]>;
  /** MeasurementStore.contextValues per indicator id: comparison areas and breakdowns. */
  context?: ReadonlyMap<string, readonly SeriesValue[]>;
  sessions: readonly SessionForReport[];
}

/** The DIN version in force for an edition year: that year's, else the newest before, else the oldest after. */
export function dinForEdition<T extends { year: number }>(versions: readonly T[], edition: number): T | undefined {
  const sorted = [...versions].sort((a, b) => a.year - b.year);
  return sorted.filter((v) => v.year <= edition).at(-1) ?? sorted[0];
}

export function composeReport(input: ComposeInput): ReportModel {
  const { din } = input;
  const shown = din.indicators.filter((i) => !input.public || i.visibility !== "intern");
  const shownIds = new Set(shown.map((i) => i.id));
  const window = { cutoff: input.cutoff, ...(input.previous ? { previousCutoff: input.previous.cutoff } : {}) };
  // Sessions only about indicators this edition leaves out are not attached (public: intern ones).
  const relevant = input.sessions.filter((s) => s.indicators.some((r) => shownIds.has(r.indicatorId)));
  const { attached, earlier } = attachments(relevant, window);
  const conclusions = attached.map((a) => conclusionOf(a, shownIds, input.public));

  const indicators = shown.map((indicator) => indicatorOf(indicator, input, conclusions, earlier));
  const goalsOf = (opgaveId: string): ReportGoal[] =>
    din.goals
      .filter((g) => g.opgaveId === opgaveId)
      .map((g) => {
        const mine = shown.filter((i) => i.goalId === g.id);
        const speerpunten = din.speerpunten
          .filter((s) => s.goalId === g.id)
          .map((s) => ({ id: s.id, name: s.name, beleidskader: s.beleidskader, indicatorIds: s.indicatorIds.filter((id) => shownIds.has(id)) }));
        const inSpeerpunt = new Set(speerpunten.flatMap((s) => s.indicatorIds));
        return {
          id: g.id,
          name: g.name,
          effectIds: mine.filter((i) => i.kind === "effect").map((i) => i.id),
          speerpunten,
          otherIds: mine.filter((i) => i.kind === "prestatie" && !inSpeerpunt.has(i.id)).map((i) => i.id),
          conclusionIds: conclusions.filter((c) => c.subject.kind === "doel" && c.subject.id === g.id).map((c) => c.sessionId),
        };
      });
  return {
    municipality: din.municipality,
    dinSlug: input.dinSlug,
    edition: input.edition,
    dinYear: din.year,
    mission: din.mission,
    public: input.public,
    cutoff: input.cutoff.toISOString(),
    ...(input.previous ? { previous: { edition: input.previous.edition, cutoff: input.previous.cutoff.toISOString() } } : {}),
    opgaven: din.opgaven.map((o) => ({ id: o.id, name: o.name, goals: goalsOf(o.id) })),
    indicators,
    conclusions,
  };
}

function indicatorOf(
  indicator: Indicator,
  input: ComposeInput,
  conclusions: readonly ReportConclusion[],
  earlier: readonly SessionForReport[],
): ReportIndicator {
  const figures = figuresOf(indicator, input.history.get(indicator.id) ?? [], { year: input.edition, cutoff: input.cutoff, public: input.public });
  const limit = input.public ? smallNumberLimit(indicator) : undefined;
  const hidden = (v: number) => isSuppressed(v, input.public ? "extern" : "intern", limit);
  // Public: the status is judged on the values the reader sees, so it never tells more than they do.
  const visible = figures.raw.filter((v) => !hidden(v.value));
  const about = (c: ReportConclusion) => c.periods.some((p) => p.indicatorId === indicator.id);
  const byNewest = (a: ReportConclusion, b: ReportConclusion) => b.adoptedAt.localeCompare(a.adoptedAt);
  const own = conclusions.filter((c) => c.subject.kind === "indicator" && about(c)).sort(byNewest);
  const viaGoal = conclusions.filter((c) => c.subject.kind === "doel" && about(c)).sort(byNewest);
  const latest = figures.values.at(-1);
  return {
    id: indicator.id,
    name: indicator.name,
    kind: indicator.kind,
    goalId: indicator.goalId,
    unit: indicator.unit,
    direction: indicator.direction,
    frequency: indicator.frequency,
    visibility: indicator.visibility,
    ...(limit !== undefined ? { smallNumbers: limit } : {}),
    ...(indicator.source ? { source: indicator.source } : {}),
    ...(indicator.description ? { description: indicator.description } : {}),
    // The referentiewaarde is a measured figure and follows the small-number rule; the streefwaarde is policy.
    ...(indicator.baseline ? { baseline: hidden(indicator.baseline.value) ? { period: indicator.baseline.period } : { ...indicator.baseline } } : {}),
    ...(indicator.target ? { target: { ...indicator.target } } : {}),
    values: figures.values,
    ...reportContext(indicator, input.context?.get(indicator.id) ?? [], input.edition, input.public),
    ...(latest ? { latest } : {}),
    status: targetStatus(indicator, visible),
    ...(figures.lastUpdate ? { lastUpdate: figures.lastUpdate.toISOString() } : {}),
    notes: figures.notes,
    conclusionIds: own.map((c) => c.sessionId),
    goalConclusionIds: viaGoal.map((c) => c.sessionId),
    earlierConclusions: earlier.filter((s) => s.indicators.some((r) => r.indicatorId === indicator.id)).length,
    ...(indicator.stelsel ? { stelsel: true as const } : {}),
  };
}

function conclusionOf(a: Attachment, shownIds: ReadonlySet<string>, isPublic: boolean): ReportConclusion {
  const { session, revision, revisedFrom } = a;
  // Public: counts of contributions per perspective follow the small-number rule too (a few
  // ervaringsdeskundigen are easily recognised); internally they are shown as they are.
  const perspectiveLimit = isPublic ? DEFAULT_SMALL_NUMBER_LIMIT : undefined;
  return {
    sessionId: session.sessionId,
    subject: session.subject,
    title: session.title,
    periods: session.indicators.filter((r) => shownIds.has(r.indicatorId)),
    texts: { ...revision.texts },
    version: revision.version,
    adoptedAt: revision.adoptedAt.toISOString(),
    ...(revision.adopterPerspective ? { adopterPerspective: revision.adopterPerspective } : {}),
    ...(revisedFrom ? { revisedFrom: { version: revisedFrom.version, adoptedAt: revisedFrom.adoptedAt.toISOString() } } : {}),
    perspectives: session.perspectives
      .filter((p) => p.count > 0)
      .map((p) => (isSuppressed(p.count, isPublic ? "extern" : "intern", perspectiveLimit) ? { perspective: p.perspective } : { ...p })),
    actions: revision.actions.map((x, i) => ({ text: x.text, owner: x.owner, status: session.actionStatuses?.[i] ?? storedActionStatus(x.status), ...(x.due ? { due: x.due } : {}) })),
  };
}
