/**
 * Late data: which period of an indicator is overdue, since when and by how much, so that a missing
 * or stopped source is visible instead of silently skipped.
 */
import { addDelay } from "./delay.ts";
import type { Frequency, Indicator } from "./din.ts";
import { formatDate } from "./format.ts";
import type { Lang } from "./format.ts";
import { formatPeriod, frequencyKind, nextPeriod, parsePeriod, periodContaining, periodEnd, previousPeriod } from "./period.ts";
import type { Period } from "./period.ts";

/**
 * Days after the (exclusive) end of a period before its value is expected, when the DIN gives no
 * `expectedDelay` for the indicator or its source: typical publication lags of CBS / GGD monitors
 * and own registrations.
 */
export const PUBLICATION_LAG_DAYS: Readonly<Record<Frequency, number>> = {
  jaarlijks: 183,
  kwartaal: 92,
  maand: 61,
  week: 21,
};

export interface LateData {
  indicatorId: string;
  goalId: string;
  frequency: Frequency;
  /** Latest period that has a value; absent when the indicator has none. */
  latestPeriod?: string;
  /** The first period whose value is overdue. */
  duePeriod: string;
  /** periodEnd(duePeriod) + the expected delay (or the frequency's publication lag), UTC. */
  dueSince: Date;
  /** Whole days between dueSince and now (0 on the day itself). */
  daysOverdue: number;
  /** How many consecutive periods from duePeriod on are overdue (2 = this one and the next are both missing). */
  periodsOverdue: number;
}

const DAY_MS = 86_400_000;

type Timing = Pick<Indicator, "frequency" | "expectedDelay">;

function dueDate(p: Period, indicator: Timing): Date {
  if (indicator.expectedDelay) return addDelay(periodEnd(p), indicator.expectedDelay);
  return new Date(periodEnd(p).getTime() + PUBLICATION_LAG_DAYS[indicator.frequency] * DAY_MS);
}

/** A stopped or one-off source delivers nothing more: its figures are never late (not "1.979 dagen te laat"). */
export function expectsFigures(indicator: Pick<Indicator, "status">): boolean {
  return indicator.status === undefined || indicator.status === "actief";
}

/**
 * The overdue value of `indicator`, or undefined when nothing is due yet. The due period is the one after
 * `latestPeriodKey` (in the indicator's frequency, so yearly data "2023" for a quarterly indicator makes
 * 2024-Q1 due). Without any value, the most recent period past its due date is reported (so an indicator
 * without values is always reported, with periodsOverdue 1: there is no known start to count from).
 */
export function detectLateData(indicator: Indicator, latestPeriodKey: string | undefined, now: Date): LateData | undefined {
  if (!expectsFigures(indicator)) return undefined;
  const kind = frequencyKind(indicator.frequency);
  let due: Period;
  if (latestPeriodKey === undefined) {
    // The most recent period already past its due date. Not simply "the period before now": with lags longer
    // than the period (month 61 days, week 21) that one is never due yet and a source that never delivered
    // would stay invisible.
    due = previousPeriod(periodContaining(now, kind));
    while (dueDate(due, indicator).getTime() > now.getTime()) due = previousPeriod(due);
  } else {
    const parsed = parsePeriod(latestPeriodKey);
    if (!parsed.ok) throw new Error(parsed.messageEn); // stored keys are canonical; this is a bug
    due = periodContaining(periodEnd(parsed.period), kind);
  }
  const dueSince = dueDate(due, indicator);
  if (now.getTime() < dueSince.getTime()) return undefined;

  let periodsOverdue = 1;
  for (let p = nextPeriod(due); dueDate(p, indicator).getTime() <= now.getTime(); p = nextPeriod(p)) {
    periodsOverdue++;
  }

  const late: LateData = {
    indicatorId: indicator.id,
    goalId: indicator.goalId,
    frequency: indicator.frequency,
    duePeriod: due.key,
    dueSince,
    daysOverdue: Math.floor((now.getTime() - dueSince.getTime()) / DAY_MS),
    periodsOverdue,
  };
  if (latestPeriodKey !== undefined) late.latestPeriod = latestPeriodKey;
  return late;
}

const TEXT = {
  nl: {
    due: (period: string, since: string) => `waarde voor ${period} verwacht sinds ${since}`,
    days: (n: number) => (n === 1 ? "1 dag te laat" : `${n} dagen te laat`),
    more: (n: number) => (n === 1 ? "ook de periode daarna ontbreekt" : `ook de ${n} perioden daarna ontbreken`),
    never: "nog nooit een waarde ontvangen",
  },
  en: {
    due: (period: string, since: string) => `value for ${period} expected since ${since}`,
    days: (n: number) => (n === 1 ? "1 day late" : `${n} days late`),
    more: (n: number) => (n === 1 ? "the next period is missing too" : `the ${n} periods after it are missing too`),
    never: "no value received yet",
  },
} as const;

/** One line: "waarde voor 2024 verwacht sinds 3 juli 2025 (12 dagen te laat)". */
export function describeLateData(late: LateData, lang: Lang): string {
  const t = TEXT[lang];
  const parsed = parsePeriod(late.duePeriod);
  const period = parsed.ok ? formatPeriod(parsed.period, lang) : late.duePeriod;
  const parts = [`${t.due(period, formatDate(late.dueSince, lang))} (${t.days(late.daysOverdue)})`];
  if (late.periodsOverdue > 1) parts.push(t.more(late.periodsOverdue - 1));
  if (late.latestPeriod === undefined) parts.push(t.never);
  return parts.join("; ");
}
