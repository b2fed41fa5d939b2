/** Use case: the facilitator shares a summary with the session's guest threads (guests never see internal contributions otherwise). */
import { summaryMessage } from "./messages.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { SessionDeps, SessionRecord, SessionTx } from "./ports.ts";
import type { Perspective } from "../../domain/sessionRules.ts";
import { actorContext, findSession, refuse, uniqueKey } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden, NotFound, SessionRef } from "./types.ts";

export interface ShareSummaryInput {
  eventId?: string;
  actor: Actor;
  session: SessionRef;
  text: string;
}

export type ShareSummaryResult =
  | { status: "shared"; channels: string[] }
  | { status: "refused"; code: "no-guest-threads" | "empty" }
  | Forbidden
  | NotFound
  | Duplicate;

export async function shareSummary(deps: SessionDeps, input: ShareSummaryInput): Promise<ShareSummaryResult> {
  const now = deps.clock.now();
  const text = input.text.trim();
  return deps.sessions.transaction(async (tx): Promise<ShareSummaryResult> => {
    const session = await findSession(tx, input.session);
    if (!session) return { status: "not-found" };
    const forbidden = refuse("share", await actorContext(tx, input.actor, session));
    if (forbidden) return forbidden;
    if (text === "") return { status: "refused", code: "empty" };
    const guests = session.threads.filter((t) => t.audience === "gast");
    if (guests.length === 0) return { status: "refused", code: "no-guest-threads" };
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    const perspectives = await guestPerspectives(tx, session.id);
    await tx.enqueue(
      guests.map((thread) => ({
        key: uniqueKey(`${thread.rootKey}:summary`),
        channel: thread.channel,
        kind: "post" as const,
        threadKey: thread.rootKey,
        message: summaryMessage(text, thread, perspectives),
      })),
      now,
    );
    return { status: "shared", channels: guests.map((t) => t.channel) };
  });
}

/** A summary as staff see it was shared: its words, when, and with which guest threads (channel names). */
export interface SharedSummary {
  text: string;
  at: Date;
  channels: string[];
}

const textOf = (m: NeutralMessage) => m.elements.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("\n") || m.summary;

/**
 * What was shared with the session's guest threads, oldest first (the staff's session and indicator
 * pages). One shareSummary writes a post per guest thread at one moment; those count as one share.
 */
export async function sharedSummaries(tx: SessionTx, session: Pick<SessionRecord, "threads">): Promise<SharedSummary[]> {
  const shares = new Map<string, SharedSummary>();
  for (const thread of session.threads.filter((t) => t.audience === "gast")) {
    const name = (await tx.channel(thread.channel))?.name ?? thread.channel;
    for (const post of await tx.postsByKey(`${thread.rootKey}:summary:`)) {
      const text = textOf(post.message);
      const key = `${post.createdAt.getTime()}\u0000${text}`;
      const share = shares.get(key) ?? { text, at: post.createdAt, channels: [] };
      share.channels.push(name);
      shares.set(key, share);
    }
  }
  return [...shares.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Whose words a summary builds on, by role: the perspectives guests contributed from (withdrawn ones left out). */
export async function guestPerspectives(tx: SessionTx, sessionId: number): Promise<Perspective[]> {
  return [...new Set((await tx.contributions(sessionId)).filter((c) => c.audience === "gast" && !c.withdrawnAt).map((c) => c.perspective))].sort();
}
