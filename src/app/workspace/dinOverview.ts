/**
 * Use case: the DIN as the web workspace's overview shows it: missie, opgaven → doelen → indicators
 * and speerpunten, each indicator with where it stands (newest value, change, target, late data) and
 * where its duiding is (open sessions, the newest adopted conclusion).
 */
import { indicatorStatus } from "../../domain/indicatorStatus.ts";
import type { IndicatorStatus } from "../../domain/indicatorStatus.ts";
import type { Goal, Indicator, Opgave, Speerpunt } from "../../domain/din.ts";
import type { Clock, DinState, DinStore, MeasurementStore } from "../ports.ts";
import type { IndicatorConclusion, SessionStore } from "../sessions/ports.ts";

export interface DuidingState {
  /** Sessions about the indicator (or its doel) that are still open. */
  openSessions: number[];
  /** The newest adopted conclusion about the indicator: its session, period and adoption date. */
  adopted?: { sessionId: number; period: string; at: Date };
}

export interface IndicatorSummary extends IndicatorStatus {
  indicator: Indicator;
  duiding: DuidingState;
  /** The current values, in no particular order (charts sort them). */
  series: { period: string; value: number }[];
}

export interface GoalSummary {
  goal: Goal;
  indicators: IndicatorSummary[];
  speerpunten: (Speerpunt & { indicators: IndicatorSummary[] })[];
}

export interface DinOverview {
  din: DinState;
  opgaven: { opgave: Opgave; goals: GoalSummary[] }[];
}

export interface WorkspaceDeps {
  dins: DinStore;
  measurements: MeasurementStore;
  sessions: SessionStore;
  clock: Clock;
}

export function duidingState(conclusions: readonly IndicatorConclusion[]): DuidingState {
  const openSessions = conclusions.filter((c) => c.sessionStatus === "open").map((c) => c.sessionId);
  let adopted: DuidingState["adopted"];
  for (const c of conclusions) {
    if (c.conclusion?.status !== "adopted") continue;
    const at = c.conclusion.current.adoptedAt ?? c.conclusion.current.writtenAt;
    if (!adopted || at > adopted.at) adopted = { sessionId: c.sessionId, period: c.period, at };
  }
  return { openSessions, ...(adopted ? { adopted } : {}) };
}

/** The summaries of the given indicators (current definitions), in the order given. */
export async function summarizeIndicators(deps: WorkspaceDeps, din: DinState, indicators: readonly Indicator[]): Promise<IndicatorSummary[]> {
  const values = await deps.measurements.currentValues(din.slug, indicators.map((i) => i.id));
  const series = new Map<string, { period: string; value: number }[]>();
  for (const v of values) {
    const list = series.get(v.indicatorId) ?? [];
    list.push({ period: v.period, value: v.value });
    series.set(v.indicatorId, list);
  }
  // One query for them all (not one per indicator: 5,000 round trips on a big DIN), then grouped.
  // The whole DIN needs no list of 5,000 ids in the query; rows of indicators not asked for are never looked up.
  const all = indicators.length === din.latest.indicators.length ? undefined : indicators.map((i) => i.id);
  const conclusions = new Map<string, IndicatorConclusion[]>();
  for (const c of await deps.sessions.transaction((tx) => tx.dinConclusions(din.slug, all))) {
    const list = conclusions.get(c.indicatorId) ?? [];
    list.push(c);
    conclusions.set(c.indicatorId, list);
  }
  const now = deps.clock.now();
  return indicators.map((indicator) => ({
    indicator,
    ...indicatorStatus(indicator, series.get(indicator.id) ?? [], now),
    duiding: duidingState(conclusions.get(indicator.id) ?? []),
    series: series.get(indicator.id) ?? [],
  }));
}

export async function dinOverview(deps: WorkspaceDeps, din: DinState): Promise<DinOverview> {
  const def = din.latest;
  const summaries = new Map((await summarizeIndicators(deps, din, def.indicators)).map((s) => [s.indicator.id, s]));
  const pick = (ids: readonly string[]) => ids.map((id) => summaries.get(id)).filter((s): s is IndicatorSummary => s !== undefined);
  return {
    din,
    opgaven: def.opgaven.map((opgave) => ({
      opgave,
      goals: def.goals
        .filter((g) => g.opgaveId === opgave.id)
        .map((goal) => {
          const speerpunten = def.speerpunten.filter((s) => s.goalId === goal.id);
          const underSpeerpunt = new Set(speerpunten.flatMap((s) => s.indicatorIds));
          return {
            goal,
            // Effect indicators, and prestatie-indicatoren no speerpunt names (so none goes missing).
            indicators: pick(def.indicators.filter((i) => i.goalId === goal.id && (i.kind === "effect" || !underSpeerpunt.has(i.id))).map((i) => i.id)),
            speerpunten: speerpunten.map((s) => ({ ...s, indicators: pick(s.indicatorIds) })),
          };
        }),
    })),
  };
}
