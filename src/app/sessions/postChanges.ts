/**
 * Use case: after an import, post the changes per doel into every channel whose scope covers them,
 * and open a session per doel where channels ask for it (autoStart). Which changes: the newsworthy
 * ones (newest period per indicator, and corrections); a doel is posted to a channel when at least
 * one of the changes that channel may see is significant (and, for guests, visible as a move under
 * the small-number rule), together with its other changed indicators (read in samenhang).
 * Guests get no intern indicators and small numbers suppressed; a channel that gets a session
 * thread for the doel gets no separate change post (the thread's root shows the same figures).
 */
import type { IndicatorChange } from "../../domain/changes.ts";
import type { Indicator } from "../../domain/din.ts";
import { groupChangesByGoal } from "../../domain/grouping.ts";
import { newsworthy, newsworthyFor } from "../../domain/newsworthy.ts";
import { formatAudience, indicatorsForChannel } from "../../domain/sessionRules.ts";
import { comparisonsUpTo, seriesUpTo } from "./chartElements.ts";
import { comparisonSeries } from "../../domain/comparison.ts";
import { latestBreakdownPeriod } from "../../domain/breakdown.ts";
import { changePostGuestRender, withGuest } from "./guestRender.ts";
import { changePostMessage } from "./messages.ts";
import { openSession, sessionChannels, sessionTitle } from "./opening.ts";
import type { ChannelSettings, SessionDeps, SessionIndicator, SessionTx } from "./ports.ts";
import { langOf } from "./shared.ts";
import type { Duplicate } from "./types.ts";
import type { ContextValue, CurrentValue, DinState } from "../ports.ts";

export interface PostChangesInput {
  /** Idempotency key of this batch, e.g. "import:12": posting the same batch twice does nothing. */
  key: string;
  changes: IndicatorChange[];
  dinSlug?: string;
}

export type PostChangesResult =
  | {
      status: "posted";
      posts: { channel: string; goalId: string; changePostId: number }[];
      sessions: { sessionId: number; goalId: string; channels: string[] }[];
    }
  | { status: "no-din" }
  | Duplicate;

interface Group {
  goalId: string;
  goalName: string;
  items: SessionIndicator[];
}

function groupsOf(din: DinState, changes: readonly IndicatorChange[]): Group[] {
  const byId = new Map<string, Indicator>(din.indicators.map((i) => [i.indicator.id, i.indicator]));
  return groupChangesByGoal(newsworthy(changes), din.latest)
    .filter((g) => g.changes.some((c) => c.significant))
    .map((g) => ({
      goalId: g.goal.id,
      goalName: g.goal.name,
      items: g.changes.flatMap((change) => {
        const indicator = byId.get(change.indicatorId);
        return indicator ? [{ indicatorId: indicator.id, period: change.period, indicator, change }] : [];
      }),
    }))
    .filter((g) => g.items.length > 0);
}

/** Adds each item's series and comparison areas up to its period (for the texts and charts), from values loaded before the transaction. */
function withSeries(groups: Group[], values: readonly CurrentValue[], context: readonly ContextValue[]): Group[] {
  const byIndicator = Map.groupBy(values, (v) => v.indicatorId);
  return groups.map((g) => ({
    ...g,
    items: g.items.map((i) => {
      const comparisons = comparisonsUpTo(comparisonSeries(i.indicator, context), i.period);
      const hasBreakdown = latestBreakdownPeriod(i.indicatorId, context) !== undefined;
      return {
        ...i,
        series: seriesUpTo(byIndicator.get(i.indicatorId) ?? [], i.period),
        ...(comparisons.length > 0 ? { comparisons } : {}),
        ...(hasBreakdown ? { hasBreakdown } : {}),
      };
    }),
  }));
}

/** The comparison and breakdown values of the changed indicators: one read per announcement. */
async function contextOf(deps: SessionDeps, dinSlug: string, groups: readonly Group[]): Promise<ContextValue[]> {
  const ids = [...new Set(groups.flatMap((g) => g.items.map((i) => i.indicatorId)))];
  return ids.length === 0 ? [] : deps.measurements.contextValues(dinSlug, ids);
}

/** Prefix of the processed-event keys of announced batches (kept when chat-event keys are pruned). */
export const CHANGES_KEY_PREFIX = "changes:";

/** The processed-event key that records a batch as announced (announcePendingImports looks for it). */
export function changesClaimKey(dinSlug: string, key: string): string {
  return `${CHANGES_KEY_PREFIX}${dinSlug}:${key}`;
}

export async function postChanges(deps: SessionDeps, input: PostChangesInput): Promise<PostChangesResult> {
  const din = await deps.dins.loadDin(input.dinSlug);
  if (!din) return { status: "no-din" };
  const grouped = groupsOf(din, input.changes);
  // Before the transaction: on PGlite a query through another store would wait for it to end.
  const ids = [...new Set(grouped.flatMap((g) => g.items.map((i) => i.indicatorId)))];
  // The series are for the posts and sessions only: with no channel that hears of new figures (none
  // linked yet, or only digest channels) reading every changed indicator's values (50,000 after a large
  // first import) would be for nothing. A channel linked in between gets its post without the series.
  const listening = ids.length > 0 && (await deps.sessions.transaction((tx) => tx.channels())).some((c) => c.audience !== "digest");
  const groups = !listening ? grouped : withSeries(grouped, await deps.measurements.currentValues(din.slug, ids), await contextOf(deps, din.slug, grouped));
  const at = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<PostChangesResult> => {
    if (!(await tx.claimEvent(changesClaimKey(din.slug, input.key), at))) return { status: "duplicate" };
    const channels = await tx.channels();
    const result = { status: "posted" as const, posts: [] as { channel: string; goalId: string; changePostId: number }[], sessions: [] as { sessionId: number; goalId: string; channels: string[] }[] };
    for (const group of groups) {
      const session = await maybeOpen(deps, tx, din, group, channels, at);
      if (session) result.sessions.push(session);
      const threaded = new Set(session?.channels ?? []);
      const postIds: number[] = [];
      for (const channel of channels) {
        if (threaded.has(channel.key)) continue;
        // A digest channel (policy, uitvoering) hears about new figures once a week, in its digest
        // (src/app/digest), not after every import: that is what the audience is for.
        if (channel.audience === "digest") continue;
        const visible = itemsForChannel(channel, group.items, din);
        if (visible.length === 0) continue;
        const items = visible.map((i) => ({ indicatorId: i.indicatorId, period: i.period }));
        const changePostId = await tx.createChangePost({ channel: channel.key, dinSlug: din.slug, goalId: group.goalId, items }, at);
        const message = changePostMessage({
          channel: channel.key,
          audience: channel.audience,
          lang: langOf(channel, deps.sessionDefaults?.lang),
          goalName: group.goalName,
          items: visible.map((i) => ({
            indicator: i.indicator,
            change: i.change!,
            ...(i.series ? { series: i.series } : {}),
            ...(i.comparisons ? { comparisons: i.comparisons } : {}),
            ...(i.hasBreakdown ? { hasBreakdown: true } : {}),
          })),
          changePostId,
        });
        const guest = withGuest(changePostGuestRender(channel.audience, din.slug, visible.map((i) => i.indicator), changePostId));
        await tx.enqueue([{ key: `changes:${din.slug}:${input.key}:${channel.key}:${group.goalId}`, channel: channel.key, kind: "post", message, ...guest }], at);
        result.posts.push({ channel: channel.key, goalId: group.goalId, changePostId });
        postIds.push(changePostId);
      }
      // "Start duiding" on these posts then joins the session that opened by itself.
      if (session && postIds.length > 0) await tx.linkChangePosts(postIds, session.sessionId);
    }
    return result;
  });
}

/**
 * The doel's changed indicators a channel is told about: the ones it may see (scope, visibility),
 * when one of them is news to it. Else none: a guest channel must not learn from a post about the
 * public figures that an intern one moved, or one it sees only as "< 10".
 */
export function itemsForChannel(channel: ChannelSettings, items: readonly SessionIndicator[], din: DinState): SessionIndicator[] {
  const allowed = new Set(indicatorsForChannel(channel, items.map((i) => i.indicator), din.latest).map((i) => i.id));
  const visible = items.filter((i) => allowed.has(i.indicatorId));
  const audience = formatAudience(channel.audience);
  return visible.some((i) => i.change !== undefined && newsworthyFor(i.change, i.indicator, audience)) ? visible : [];
}

/** Opens the doel's session in every internal channel with autoStart that follows it (plus joining guest channels). */
async function maybeOpen(deps: SessionDeps, tx: SessionTx, din: DinState, group: Group, channels: readonly ChannelSettings[], at: Date) {
  const starters = channels.filter((c) => c.autoStart && c.audience !== "gast" && itemsForChannel(c, group.items, din).length > 0);
  if (starters.length === 0) return undefined;
  // A session about this doel still runs: the new figures are posted; people decide whether to start another.
  if ((await tx.openSessionAbout(din.slug, { kind: "doel", id: group.goalId })) !== undefined) return undefined;
  // Guest channels join only when one of the changes they may see is news to them (itemsForChannel).
  const selected = sessionChannels(starters, channels, group.items, din.latest).filter((c) => c.audience !== "gast" || itemsForChannel(c, group.items, din).length > 0);
  const advanceAfterDays = starters[0]?.advanceAfterDays ?? deps.sessionDefaults?.advanceAfterDays;
  const sessionId = await openSession(deps, tx, {
    din,
    title: sessionTitle(group.goalName, group.items),
    subject: { kind: "doel", id: group.goalId },
    indicators: group.items,
    channels: selected,
    openedBy: "auto",
    at,
    ...(advanceAfterDays !== undefined ? { advanceAfterDays } : {}),
  });
  return { sessionId, goalId: group.goalId, channels: selected.map((c) => c.key) };
}
