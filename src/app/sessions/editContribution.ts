/** Use case: a message in a session thread was edited on the platform; the contribution follows, its old text is kept. */
import { readQuestionTag } from "../../domain/session.ts";
import { storableText } from "../../domain/storableText.ts";
import type { Question } from "../../domain/session.ts";
import type { SessionDeps } from "./ports.ts";
import { mayStillBecomeKnown } from "./recordContribution.ts";
import { refreshStatus } from "./shared.ts";
import { eventKey } from "./types.ts";

export interface EditContributionInput {
  eventId: string;
  channel: string;
  messageId: string;
  /** The thread the message is in, when the platform says: an edit of a reply still waiting for its thread waits too. */
  threadId?: string;
  /** The new text (a leading "#tag" moves it to that question). */
  text: string;
  at: Date;
  /**
   * The person asking, when the face cannot vouch that only authors edit (the web): someone else's
   * contribution is then left alone ("not-author"). Chat platforms deliver only the author's own edits.
   */
  author?: string;
}

export type EditContributionResult =
  | { status: "updated"; contributionId: number; question: Question }
  | { status: "ignored"; reason: "duplicate" | "unknown-message" | "not-author" | "unchanged" | "withdrawn" }
  | { status: "deferred"; reason: "thread-not-yet-known" };

export async function editContribution(deps: SessionDeps, input: EditContributionInput): Promise<EditContributionResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<EditContributionResult> => {
    const contribution = await tx.contributionByMessage(input.channel, input.messageId);
    if (!contribution) {
      // The reply itself may be waiting for its thread's root (recordContribution): then so does this.
      if (await mayStillBecomeKnown(tx, now, { channel: input.channel, threadId: input.threadId, at: input.at })) return { status: "deferred", reason: "thread-not-yet-known" };
      return { status: "ignored", reason: "unknown-message" };
    }
    if (input.author !== undefined && contribution.author.key !== input.author) return { status: "ignored", reason: "not-author" };
    const key = eventKey(input.channel, input.eventId);
    if (!(await tx.claimEvent(key, now))) return { status: "ignored", reason: "duplicate" };
    if (contribution.withdrawnAt) return { status: "ignored", reason: "withdrawn" };
    const tagged = readQuestionTag(storableText(input.text)); // any platform: text the database refuses never gets there
    // Editing a message down to nothing is how some people delete: treat it as withdrawing.
    if (tagged.text === "") {
      await tx.reviseContribution(contribution.id, { kind: "withdraw", at: input.at, eventKey: key });
      await tx.enqueue(await refreshStatus(tx, contribution.sessionId), now);
      return { status: "updated", contributionId: contribution.id, question: contribution.question };
    }
    const question = tagged.question ?? contribution.question;
    if (tagged.text === contribution.text && question === contribution.question) return { status: "ignored", reason: "unchanged" };
    await tx.reviseContribution(contribution.id, { kind: "edit", at: input.at, text: tagged.text, question, eventKey: key });
    if (question !== contribution.question) await tx.enqueue(await refreshStatus(tx, contribution.sessionId), now);
    return { status: "updated", contributionId: contribution.id, question };
  });
}
