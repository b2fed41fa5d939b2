/**
 * Use case for the dispatcher: a guest message that guests may see less of under the DIN in force
 * now than when it was written (OutboxRow.stale: a DIN import came between) is rendered again just
 * before it is sent. Undefined means: withdraw it (nothing newsworthy left for guests, a thread root
 * they may see no indicator of any more, or what it rendered is gone).
 */
import type { NeutralMessage } from "../messages/message.ts";
import type { GuestRender, OutboxRow } from "../outbox/ports.ts";
import { changePostMessage, visibleIndicators } from "./messages.ts";
import { loadSessionIndicators } from "./opening.ts";
import type { SessionDeps } from "./ports.ts";
import { itemsForChannel } from "./postChanges.ts";
import { langOf, statusUpdates } from "./shared.ts";
import { breakdownMessage } from "./showBreakdown.ts";

export async function rerenderForGuests(deps: SessionDeps, row: Pick<OutboxRow, "kind" | "guest">): Promise<NeutralMessage | undefined> {
  const source = row.guest?.source;
  if (!source) return undefined;
  if (source.kind === "digest") return undefined;
  if (source.kind === "breakdown") return rerenderBreakdown(deps, source);
  return source.kind === "session-root" ? rerenderRoot(deps, row.kind, source) : rerenderChangePost(deps, source.changePostId);
}

/** The breakdown table again for the guest channel's audience now (cells of a stricter limit hidden); none when it may no longer see it. */
async function rerenderBreakdown(deps: SessionDeps, source: Extract<GuestRender["source"], { kind: "breakdown" }>): Promise<NeutralMessage | undefined> {
  const found = await deps.sessions.transaction(async (tx) => {
    const post = await tx.changePost(source.changePostId);
    const channel = post ? await tx.channel(post.channel) : undefined;
    return post && channel ? { post, channel } : undefined;
  });
  if (!found) return undefined;
  const { post, channel } = found;
  return breakdownMessage(deps, { dinSlug: post.dinSlug, indicatorId: source.indicatorId, channel: channel.key, audience: channel.audience, lang: langOf(channel, deps.sessionDefaults?.lang) });
}

async function rerenderRoot(deps: SessionDeps, kind: OutboxRow["kind"], source: Extract<GuestRender["source"], { kind: "session-root" }>) {
  return deps.sessions.transaction(async (tx) => {
    const session = await tx.session(source.sessionId);
    const thread = session?.threads.find((t) => t.rootKey === source.rootKey);
    if (!session || !thread) return undefined;
    // A root not posted yet whose indicators guests may no longer see: no thread for them (as openThread
    // decides). A root already posted is updated all the same: that takes the figures away.
    if (kind === "post" && visibleIndicators(session.indicators, thread.audience).length === 0) return undefined;
    // The session's indicators carry the definitions in force now (sessionStore.ts).
    const [update] = await statusUpdates(tx, session, [thread]);
    return update?.message;
  });
}

async function rerenderChangePost(deps: SessionDeps, changePostId: number): Promise<NeutralMessage | undefined> {
  const found = await deps.sessions.transaction(async (tx) => {
    const post = await tx.changePost(changePostId);
    const channel = post ? await tx.channel(post.channel) : undefined;
    return post && channel ? { post, channel } : undefined;
  });
  if (!found) return undefined;
  const { post, channel } = found;
  // Outside the transaction: on PGlite another store's query would wait for it (ports.ts).
  const din = await deps.dins.loadDin(post.dinSlug);
  const goal = din?.latest.goals.find((g) => g.id === post.goalId);
  if (!din || !goal) return undefined;
  const items = itemsForChannel(channel, await loadSessionIndicators(deps, din, post.items), din);
  if (items.length === 0) return undefined;
  return changePostMessage({
    channel: channel.key,
    audience: channel.audience,
    lang: langOf(channel, deps.sessionDefaults?.lang),
    goalName: goal.name,
    items: items.flatMap((i) =>
      i.change
        ? [{ indicator: i.indicator, change: i.change, ...(i.series ? { series: i.series } : {}), ...(i.comparisons ? { comparisons: i.comparisons } : {}), ...(i.hasBreakdown ? { hasBreakdown: true } : {}) }]
        : [],
    ),
    changePostId,
  });
}
