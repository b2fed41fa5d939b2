/** The second half of recordContribution: a message becomes a contribution to one session thread. */
import type { Question } from "../../domain/session.ts";
import { resolvePerspective } from "../../domain/sessionRules.ts";
import { perspectiveQuestion } from "./messages.ts";
import type { OutboxDraft, SessionRecord, SessionTx, ThreadRecord } from "./ports.ts";
import type { RecordContributionInput, RecordContributionResult } from "./recordContribution.ts";
import { statusUpdates } from "./shared.ts";
import { eventKey } from "./types.ts";

/**
 * Records the message as a contribution to `thread` of `session` (the hot path's second half; also a
 * reply to a digest item, whose message sits in the digest's thread: src/app/digest/replyToDigest.ts).
 */
export async function addToThread(
  tx: SessionTx,
  session: SessionRecord,
  thread: ThreadRecord,
  input: Omit<RecordContributionInput, "text" | "question" | "threadId"> & { text: string; question?: Question },
  now: Date,
): Promise<RecordContributionResult> {
  const sessionId = session.id;
  const key = eventKey(input.channel, input.eventId);
  if (!(await tx.claimEvent(key, now))) return { status: "ignored", reason: "duplicate" };

  const person = await tx.person(input.user.key);
  // The person's own perspective wins; only without one does the channel's default count.
  const channel = person?.perspective ? undefined : await tx.channel(input.channel);
  const perspective = resolvePerspective(person, channel ?? {});
  // A closed session still collects: a late contribution can matter for a revision of the conclusion.
  const question = input.question ?? session.current;
  const contributionId = await tx.addContribution({
    sessionId,
    threadId: thread.id,
    channel: input.channel,
    messageId: input.messageId,
    eventKey: key,
    author: input.user,
    perspective,
    audience: thread.audience,
    question,
    text: input.text,
    postedAt: input.at,
  });
  // Same message under another event id (a platform may send it twice): already counted.
  if (contributionId === undefined) return { status: "ignored", reason: "duplicate" };

  const ack = {
    key: `ack:${input.channel}:${input.messageId}`,
    channel: input.channel,
    kind: "acknowledge" as const,
    threadKey: thread.rootKey,
    messageId: input.messageId,
  };
  // Guest threads count guest contributions only, so an internal one leaves their status unchanged.
  const affected = session.threads.filter((t) => t.audience !== "gast" || thread.audience === "gast");
  // A guest without a perspective of their own is asked once per thread (the outbox key dedupes).
  const ask: OutboxDraft[] =
    thread.audience === "gast" && !person?.perspective
      ? [{ key: `${thread.rootKey}:perspective:${input.user.key}`, channel: input.channel, kind: "post", threadKey: thread.rootKey, message: perspectiveQuestion(thread) }]
      : [];
  await tx.enqueue([ack, ...ask, ...(await statusUpdates(tx, session, affected))], now);
  return { status: "recorded", sessionId, contributionId, question, perspective };
}
