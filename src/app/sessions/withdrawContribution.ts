/**
 * Use case: a message in a session thread was deleted on the platform. Its contribution is withdrawn:
 * kept with its text and `withdrawnAt` (nothing is silently lost), left out of drafts and counts.
 */
import type { SessionDeps } from "./ports.ts";
import { mayStillBecomeKnown } from "./recordContribution.ts";
import { refreshStatus } from "./shared.ts";
import { eventKey } from "./types.ts";

export interface WithdrawContributionInput {
  eventId: string;
  channel: string;
  messageId: string;
  /** The thread the message is in, when the platform says: an edit of a reply still waiting for its thread waits too. */
  threadId?: string;
  at: Date;
  /**
   * The person asking, when the face cannot vouch that only authors edit (the web): someone else's
   * contribution is then left alone ("not-author"). Chat platforms deliver only the author's own edits.
   */
  author?: string;
}

export type WithdrawContributionResult =
  | { status: "withdrawn"; contributionId: number }
  | { status: "ignored"; reason: "duplicate" | "unknown-message" | "not-author" | "already-withdrawn" }
  | { status: "deferred"; reason: "thread-not-yet-known" };

export async function withdrawContribution(deps: SessionDeps, input: WithdrawContributionInput): Promise<WithdrawContributionResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<WithdrawContributionResult> => {
    const contribution = await tx.contributionByMessage(input.channel, input.messageId);
    if (!contribution) {
      // The reply itself may be waiting for its thread's root (recordContribution): then so does this.
      if (await mayStillBecomeKnown(tx, now, { channel: input.channel, threadId: input.threadId, at: input.at })) return { status: "deferred", reason: "thread-not-yet-known" };
      return { status: "ignored", reason: "unknown-message" };
    }
    if (input.author !== undefined && contribution.author.key !== input.author) return { status: "ignored", reason: "not-author" };
    const key = eventKey(input.channel, input.eventId);
    if (!(await tx.claimEvent(key, now))) return { status: "ignored", reason: "duplicate" };
    if (contribution.withdrawnAt) return { status: "ignored", reason: "already-withdrawn" };
    await tx.reviseContribution(contribution.id, { kind: "withdraw", at: input.at, eventKey: key });
    await tx.enqueue(await refreshStatus(tx, contribution.sessionId), now);
    return { status: "withdrawn", contributionId: contribution.id };
  });
}
