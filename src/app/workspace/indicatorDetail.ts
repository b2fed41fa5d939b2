/**
 * Use case: everything the web shows about one indicator (`/indicator/<id>`) or one doel (`/doel/<id>`):
 * definition, where it stands, the values with their correction history, a chart, and the duiding
 * sessions about it with their contributions per question (staff view) and conclusions.
 */
import type { ChartData } from "../messages/message.ts";
import type { ChartRenderer } from "../charts.ts";
import type { ReportStore } from "../report/ports.ts";
import { smallNumberLimit, type Goal, type Indicator } from "../../domain/din.ts";
import type { Lang } from "../../domain/format.ts";
import { parsePeriod, periodStart } from "../../domain/period.ts";
import type { CurrentMeasurement, DinState } from "../ports.ts";
import type { ActionRecord, ConclusionRecord, ContributionRecord, SessionRecord } from "../sessions/ports.ts";
import { sharedSummaries, type SharedSummary } from "../sessions/shareSummary.ts";
import { breakdownHistory, breakdownsAt, latestBreakdownPeriod, shownBreakdown, type ShownBreakdown } from "../../domain/breakdown.ts";
import { renderMultiples, smallMultiples, type RenderedMultiples } from "../breakdownCharts.ts";
import { comparisonSeries, type AreaSeries } from "../../domain/comparison.ts";
import { summarizeIndicators, type IndicatorSummary, type WorkspaceDeps } from "./dinOverview.ts";

export type HistoryEntry = CurrentMeasurement & { recordedAt: Date; supersededAt?: Date; origin: string };

export interface SessionView {
  session: SessionRecord;
  /** Oldest first, withdrawn ones included (the page shows them as withdrawn, without their words). */
  contributions: ContributionRecord[];
  conclusion?: ConclusionRecord;
  actions: ActionRecord[];
  /** The summaries shared with the session's guest threads, oldest first. */
  shared: SharedSummary[];
}

export interface IndicatorDetail {
  din: DinState;
  summary: IndicatorSummary;
  retired: boolean;
  goal?: Goal;
  history: HistoryEntry[];
  /** Inline SVG of the current series with referentie- and streefwaarde; absent without values. */
  chartSvg?: string;
  /** Newest session first. */
  sessions: SessionView[];
  /** The comparison areas (the DIN's compare:) with figures, oldest first. */
  areas: AreaSeries[];
  /**
   * The newest breakdowns, through the small-number rule (staff: every cell shown), each with its
   * small multiples over time when the dimension has more than one period.
   */
  breakdowns: (ShownBreakdown & { multiples?: RenderedMultiples })[];
}

export interface DetailDeps extends WorkspaceDeps {
  charts: ChartRenderer;
  reports: ReportStore;
}

async function sessionViews(deps: WorkspaceDeps, ids: readonly number[]): Promise<SessionView[]> {
  return deps.sessions.transaction(async (tx) => {
    const views: SessionView[] = [];
    for (const id of ids) {
      const session = await tx.session(id);
      if (!session) continue;
      const conclusion = await tx.conclusion(id);
      views.push({ session, contributions: await tx.contributions(id), ...(conclusion ? { conclusion } : {}), actions: await tx.actions(id), shared: await sharedSummaries(tx, session) });
    }
    return views;
  });
}

function startOf(key: string): number {
  const parsed = parsePeriod(key);
  return parsed.ok ? periodStart(parsed.period).getTime() : 0;
}

/** The staff chart: every current value (the web workspace is for staff; guests never reach it). */
export function chartDataOf(indicator: Indicator, values: readonly { period: string; value: number }[], lang: Lang, areas: readonly AreaSeries[] = []): ChartData {
  return {
    title: indicator.name,
    unit: indicator.unit,
    lang,
    // Oldest first, as ChartData asks (the store returns current values in no particular order).
    points: values.map((v) => ({ period: v.period, value: v.value })).sort((a, b) => startOf(a.period) - startOf(b.period)),
    ...(indicator.baseline ? { baseline: indicator.baseline } : {}),
    ...(indicator.target ? { target: indicator.target } : {}),
    ...(areas.length > 0 ? { comparisons: areas.map((a) => ({ label: a.area, points: a.points })) } : {}),
  };
}

export async function indicatorDetail(deps: DetailDeps, din: DinState, indicatorId: string, lang: Lang): Promise<IndicatorDetail | undefined> {
  const entry = din.indicators.find((i) => i.indicator.id === indicatorId);
  if (!entry) return undefined;
  const [summary] = await summarizeIndicators(deps, din, [entry.indicator]);
  const history = await deps.measurements.history(din.slug, indicatorId);
  const current = history.filter((h) => !h.supersededAt);
  const context = await deps.measurements.contextValues(din.slug, [indicatorId]);
  const areas = comparisonSeries(entry.indicator, context);
  const newest = latestBreakdownPeriod(indicatorId, context);
  const breakdowns: IndicatorDetail["breakdowns"] = [];
  for (const b of newest ? breakdownsAt(indicatorId, context, newest) : []) {
    const history = breakdownHistory(indicatorId, context, b.dimension).map((h) => shownBreakdown(h, entry.indicator, "intern"));
    const limit = smallNumberLimit(entry.indicator);
    const set = smallMultiples(history, { unit: entry.indicator.unit, ...(limit !== undefined ? { smallNumbers: limit } : {}) }, lang);
    breakdowns.push({ ...shownBreakdown(b, entry.indicator, "intern"), ...(set ? { multiples: await renderMultiples(deps.charts, set) } : {}) });
  }
  const chartSvg = current.length > 0 ? await deps.charts.svg(chartDataOf(entry.indicator, current, lang, areas)) : undefined;
  const ids = await deps.sessions.transaction((tx) => tx.indicatorConclusions(din.slug, indicatorId));
  const goal = din.latest.goals.find((g) => g.id === entry.indicator.goalId);
  return {
    din,
    summary: summary!,
    retired: entry.retired,
    ...(goal ? { goal } : {}),
    history,
    ...(chartSvg ? { chartSvg } : {}),
    sessions: await sessionViews(deps, ids.map((c) => c.sessionId)),
    areas,
    breakdowns,
  };
}

export interface GoalDetail {
  din: DinState;
  goal: Goal;
  opgaveName?: string;
  indicators: (IndicatorSummary & { chartSvg?: string })[];
  /** Sessions about the doel as a whole or about any of its indicators, newest first. */
  sessions: SessionView[];
}

export async function goalDetail(deps: DetailDeps, din: DinState, goalId: string, lang: Lang): Promise<GoalDetail | undefined> {
  const goal = din.latest.goals.find((g) => g.id === goalId);
  if (!goal) return undefined;
  const indicators = din.latest.indicators.filter((i) => i.goalId === goalId);
  const summaries = await summarizeIndicators(deps, din, indicators);
  const withCharts = [];
  for (const s of summaries) {
    withCharts.push(s.series.length > 0 ? { ...s, chartSvg: await deps.charts.svg(chartDataOf(s.indicator, s.series, lang)) } : s);
  }
  const ids = new Set((await deps.sessions.transaction((tx) => tx.dinConclusions(din.slug, indicators.map((i) => i.id)))).map((c) => c.sessionId));
  const opgaveName = din.latest.opgaven.find((o) => o.id === goal.opgaveId)?.name;
  return {
    din,
    goal,
    ...(opgaveName ? { opgaveName } : {}),
    indicators: withCharts,
    sessions: await sessionViews(deps, [...ids].sort((a, b) => b - a)),
  };
}
