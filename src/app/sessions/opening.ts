/**
 * Opening a session (shared by startSession, startFromChangePost and postChanges): loading the
 * figures it interprets (before the transaction), choosing its channels, and writing the session,
 * one thread per channel and the first posts, all inside the caller's transaction.
 */
import { detectChange } from "../../domain/changes.ts";
import type { DinDefinition } from "../../domain/din.ts";
import { QUESTIONS } from "../../domain/session.ts";
import { indicatorsForChannel, mayShowIndicator } from "../../domain/sessionRules.ts";
import type { DinState } from "../ports.ts";
import { comparisonsUpTo, seriesUpTo } from "./chartElements.ts";
import { comparisonSeries } from "../../domain/comparison.ts";
import { latestBreakdownPeriod } from "../../domain/breakdown.ts";
import { rootGuestRender, withGuest } from "./guestRender.ts";
import { questionMessage, rootMessage, visibleIndicators } from "./messages.ts";
import type {
  ChannelSettings,
  SessionDeps,
  SessionIndicator,
  SessionIndicatorRef,
  SessionRecord,
  SessionSubject,
  SessionTx,
} from "./ports.ts";
import { countsFor, langOf, rootKey, uniqueKey } from "./shared.ts";
import { formatPeriodKey } from "./periods.ts";

/**
 * The indicators with their change and series (for charts) for the given periods (default: each
 * one's newest period with a figure). Indicators without a figure are left out: a session interprets figures.
 */
export async function loadSessionIndicators(
  deps: Pick<SessionDeps, "measurements">,
  din: DinState,
  refs: readonly { indicatorId: string; period?: string }[],
): Promise<SessionIndicator[]> {
  const byId = new Map(din.indicators.map((i) => [i.indicator.id, i.indicator]));
  const ids = refs.map((r) => r.indicatorId);
  const values = await deps.measurements.currentValues(din.slug, ids);
  const context = await deps.measurements.contextValues(din.slug, ids);
  const out: SessionIndicator[] = [];
  for (const ref of refs) {
    const indicator = byId.get(ref.indicatorId);
    if (!indicator) continue;
    const series = values.filter((v) => v.indicatorId === ref.indicatorId).map((v) => ({ period: v.period, value: v.value }));
    const period = ref.period ?? newestPeriod(series);
    if (period === undefined || !series.some((p) => p.period === period)) continue;
    const comparisons = comparisonsUpTo(comparisonSeries(indicator, context), period);
    out.push({
      indicatorId: indicator.id,
      period,
      indicator,
      change: detectChange(indicator, series, period),
      series: seriesUpTo(series, period),
      ...(comparisons.length > 0 ? { comparisons } : {}),
      ...(latestBreakdownPeriod(indicator.id, context) !== undefined ? { hasBreakdown: true } : {}),
    });
  }
  return out;
}

function newestPeriod(series: readonly { period: string }[]): string | undefined {
  // Canonical keys of one kind sort as text ("2024-Q1" < "2024-Q2", "2024-W09" < "2024-W10").
  return series.map((p) => p.period).sort().at(-1);
}

/** "Jongeren met jeugdhulp (2024)" or "Doel X (2024, 2e kwartaal 2025)". */
export function sessionTitle(name: string, indicators: readonly SessionIndicatorRef[]): string {
  const periods = [...new Set(indicators.map((i) => i.period))].sort().map((p) => formatPeriodKey(p, "nl"));
  return periods.length > 0 ? `${name} (${periods.join(", ")})` : name;
}

/**
 * Channels a session opens in: the initiating channel(s), plus every guest channel that joins
 * sessions (autoStart) and whose scope covers one of the indicators it may see.
 */
export function sessionChannels(
  initiating: readonly ChannelSettings[],
  all: readonly ChannelSettings[],
  indicators: readonly SessionIndicator[],
  din: DinDefinition,
): ChannelSettings[] {
  const chosen = new Map(initiating.map((c) => [c.key, c]));
  const list = indicators.map((i) => i.indicator);
  for (const channel of all) {
    if (channel.audience !== "gast" || !channel.autoStart || chosen.has(channel.key)) continue;
    if (indicatorsForChannel(channel, list, din).length > 0) chosen.set(channel.key, channel);
  }
  // A guest channel never gets a thread without a single indicator it may see.
  return [...chosen.values()].filter((c) => indicators.some((i) => mayShowIndicator(c.audience, i.indicator)));
}

export interface OpenSessionArgs {
  din: DinState;
  title: string;
  subject: SessionSubject;
  indicators: SessionIndicator[];
  channels: ChannelSettings[];
  openedBy: string;
  at: Date;
  /** From the initiating channel, else the defaults. */
  advanceAfterDays?: number;
}

/** Writes the session, a thread per channel (root post + first question) into the outbox. */
export async function openSession(deps: Pick<SessionDeps, "sessionDefaults">, tx: SessionTx, args: OpenSessionArgs): Promise<number> {
  const question = QUESTIONS[0];
  const sessionId = await tx.createSession({
    dinSlug: args.din.slug,
    title: args.title,
    subject: args.subject,
    indicators: args.indicators,
    question,
    openedAt: args.at,
    openedBy: args.openedBy,
    ...(args.advanceAfterDays !== undefined ? { advanceAfterDays: args.advanceAfterDays } : {}),
  });
  const session = await tx.session(sessionId);
  if (!session) throw new Error(`session ${sessionId} vanished inside its own transaction`);
  for (const channel of args.channels) await openThread(deps, tx, session, channel, args.at);
  return sessionId;
}

/**
 * Opens the session in one more channel: root post, thread row, current question. Returns false when
 * the channel may see none of its indicators (a guest channel and only intern indicators).
 */
export async function openThread(
  deps: Pick<SessionDeps, "sessionDefaults">,
  tx: SessionTx,
  session: SessionRecord,
  channel: ChannelSettings,
  at: Date,
): Promise<boolean> {
  const thread = { channel: channel.key, audience: channel.audience, lang: langOf(channel, deps.sessionDefaults?.lang), rootKey: rootKey(session.id, channel.key) };
  if (visibleIndicators(session.indicators, thread.audience).length === 0) return false;
  const counts = await tx.contributionCounts(session.id);
  // The root row must exist before the thread row that references it.
  await tx.enqueue(
    [
      {
        key: thread.rootKey,
        channel: channel.key,
        kind: "post",
        message: rootMessage({ session, thread, counts: countsFor(counts, thread.audience) }),
        ...withGuest(rootGuestRender(session, thread)),
      },
    ],
    at,
  );
  await tx.addThread(session.id, thread);
  const message = questionMessage(session, session.current, thread, "start");
  await tx.enqueue([{ key: uniqueKey(`${thread.rootKey}:q:${session.current}`), channel: channel.key, kind: "post", threadKey: thread.rootKey, message }], at);
  return true;
}
