/**
 * Use case: a message in a session thread becomes a contribution to the current question (or to the
 * question its leading tag names). Idempotent on the platform event id, enforced by the database.
 */
import { readQuestionTag } from "../../domain/session.ts";
import { storableText } from "../../domain/storableText.ts";
import type { Question } from "../../domain/session.ts";
import { resolvePerspective } from "../../domain/sessionRules.ts";
import type { Perspective } from "../../domain/sessionRules.ts";
import type { OutboxDraft, SessionDeps, SessionTx } from "./ports.ts";
import { perspectiveQuestion } from "./messages.ts";
import { statusUpdates } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { UserRef } from "./types.ts";

export interface RecordContributionInput {
  /** Platform event id (Slack event_id, Teams activity id): processing is idempotent on it. */
  eventId: string;
  /** Channel key, e.g. "slack:T123:C456". */
  channel: string;
  /** Platform id of the thread root the message replies to; undefined for a top-level message. */
  threadId?: string;
  /** Platform id of the message itself (Slack ts, Teams activity id): edits and deletions refer to it. */
  messageId: string;
  user: UserRef;
  /** The message text; a leading "#verklaren" (or #1..#4) assigns it to that question. */
  text: string;
  /** The question it was written for (a form where the question is chosen): wins over tag and current question; the text is taken as is. */
  question?: Question;
  /** When the message was written (platform time). */
  at: Date;
}

export type RecordContributionResult =
  | { status: "recorded"; sessionId: number; contributionId: number; question: Question; perspective: Perspective }
  | { status: "ignored"; reason: "duplicate" | "not-a-session-thread" | "empty" }
  /** Not (yet) a session thread, but it may become one: keep the event and try again once a root is sent. */
  | { status: "deferred"; reason: "thread-not-yet-known" };

/**
 * A reply can reach us before its root's platform id is stored (the person answered the moment the
 * root appeared). Such a reply is held back while a root in its channel is still being sent, but only
 * when it is this young: once a root is posted its id is stored within moments (dispatch.ts), so an
 * older reply in an unknown thread is not ours, and holding it would only pile events up.
 */
export const UNKNOWN_THREAD_HOLD_MS = 10 * 60_000;

export async function recordContribution(deps: SessionDeps, input: RecordContributionInput): Promise<RecordContributionResult> {
  if (input.threadId === undefined) return { status: "ignored", reason: "not-a-session-thread" };
  // Any platform: text the database refuses never gets there.
  const text = storableText(input.text);
  const tagged = input.question ? { question: input.question, text: text.trim() } : readQuestionTag(text);
  if (tagged.text === "") return { status: "ignored", reason: "empty" };
  const threadId = input.threadId;
  const now = deps.clock.now();

  // The hot path of a busy thread (every reply): each statement below is one round trip, and on
  // embedded PGlite nothing else reaches the database meanwhile. So: the session in one read, no
  // second read of it, counts instead of contribution rows, the channel only when it decides.
  return deps.sessions.transaction(async (tx): Promise<RecordContributionResult> => {
    // Look the thread up before claiming the event: messages outside sessions leave no trace.
    const session = await tx.sessionByThread(input.channel, threadId);
    const thread = session?.threads.find((t) => t.channel === input.channel);
    if (!session || !thread) {
      if (await mayStillBecomeKnown(tx, now, { channel: input.channel, threadId, at: input.at })) return { status: "deferred", reason: "thread-not-yet-known" };
      return { status: "ignored", reason: "not-a-session-thread" };
    }
    const sessionId = session.id;
    const key = eventKey(input.channel, input.eventId);
    if (!(await tx.claimEvent(key, now))) return { status: "ignored", reason: "duplicate" };

    const person = await tx.person(input.user.key);
    // The person's own perspective wins; only without one does the channel's default count.
    const channel = person?.perspective ? undefined : await tx.channel(input.channel);
    const perspective = resolvePerspective(person, channel ?? {});
    // A closed session still collects: a late contribution can matter for a revision of the conclusion.
    const question = tagged.question ?? session.current;
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
      text: tagged.text,
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
  });
}

/**
 * Whether an event about this thread should wait rather than be dropped: it is young and a session root
 * in the channel is still being sent (or just got this id). One statement, after the caller's lookup: an
 * id stored in between is seen here, so nothing slips through. Edits and deletions of a reply that is
 * itself still waiting wait the same way (editContribution, withdrawContribution).
 */
export async function mayStillBecomeKnown(tx: SessionTx, now: Date, event: { channel: string; threadId: string | undefined; at: Date }): Promise<boolean> {
  if (event.threadId === undefined || now.getTime() - event.at.getTime() >= UNKNOWN_THREAD_HOLD_MS) return false;
  return tx.threadMayBecomeKnown(event.channel, event.threadId);
}
