/** Use case: "Start duiding" on a change post: a session on that post's changed indicators and periods. */
import { loadSessionIndicators, openSession, openThread, sessionChannels, sessionTitle } from "./opening.ts";
import type { SessionDeps } from "./ports.ts";
import { actorContext, refuse } from "./shared.ts";
import type { StartSessionResult } from "./startSession.ts";
import { eventKey } from "./types.ts";
import type { Actor } from "./types.ts";

export interface StartFromChangePostInput {
  eventId?: string;
  actor: Actor;
  /** The button's value (the change post id). */
  value: string;
}

export type StartFromChangePostResult = StartSessionResult;

export async function startFromChangePost(deps: SessionDeps, input: StartFromChangePostInput): Promise<StartFromChangePostResult> {
  if (!/^\d+$/.test(input.value)) return { status: "unknown-subject" };
  const postId = Number(input.value);
  const post = await deps.sessions.transaction((tx) => tx.changePost(postId));
  if (!post) return { status: "unknown-subject" };
  const din = await deps.dins.loadDin(post.dinSlug);
  if (!din) return { status: "unknown-subject" };
  const indicators = await loadSessionIndicators(deps, din, post.items);
  const goalName = din.latest.goals.find((g) => g.id === post.goalId)?.name ?? post.goalId;
  const at = deps.clock.now();

  return deps.sessions.transaction(async (tx): Promise<StartFromChangePostResult> => {
    const context = await actorContext(tx, input.actor);
    if (!context.channel) return { status: "channel-not-linked" };
    const forbidden = refuse("start", context);
    if (forbidden) return forbidden;
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), at))) return { status: "duplicate" };
    // Re-read inside the transaction: two people may click at the same time; the first opens, the second joins.
    const current = await tx.changePost(postId);
    if (current?.sessionId !== undefined) {
      const session = await tx.session(current.sessionId, { lock: true });
      if (session) {
        const joined = !session.threads.some((t) => t.channel === context.channel?.key) && (await openThread(deps, tx, session, context.channel, at));
        return { status: "already-open", sessionId: session.id, joined };
      }
    }
    if (indicators.length === 0) return { status: "no-figures" };
    const channels = sessionChannels([context.channel], await tx.channels(), indicators, din.latest);
    if (channels.length === 0) return { status: "no-figures" };
    const advanceAfterDays = context.channel.advanceAfterDays ?? deps.sessionDefaults?.advanceAfterDays;
    const sessionId = await openSession(deps, tx, {
      din,
      title: sessionTitle(goalName, indicators),
      subject: { kind: "doel", id: post.goalId },
      indicators,
      channels,
      openedBy: input.actor.user.key,
      at,
      ...(advanceAfterDays !== undefined ? { advanceAfterDays } : {}),
    });
    await tx.linkChangePosts([postId], sessionId);
    return { status: "started", sessionId, channels: channels.map((c) => c.key) };
  });
}
