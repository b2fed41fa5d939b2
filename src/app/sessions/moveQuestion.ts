/** Use case: a facilitator moves the session to the next question, or back to the previous one. */
import { moveQuestion as nextQuestion } from "../../domain/session.ts";
import type { MoveDirection, Question } from "../../domain/session.ts";
import type { OutboxDraft, SessionDeps, SessionRecord, SessionTx } from "./ports.ts";
import { questionMessage } from "./messages.ts";
import type { QuestionReason } from "./messages.ts";
import { actorContext, findSession, refuse, statusUpdates, uniqueKey } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, AlreadyMoved, Duplicate, Forbidden, NotFound, SessionRef } from "./types.ts";

export interface MoveQuestionInput {
  eventId?: string;
  actor: Actor;
  session: SessionRef;
  direction: MoveDirection;
  /**
   * The question the clicked button was shown at (moveRefFromValue). When the session is no longer
   * there (a double click, or a second facilitator before the message was updated), nothing moves:
   * "already-moved". Without it (old buttons, commands) the session moves from wherever it is.
   */
  from?: Question;
}

export type MoveQuestionResult =
  | { status: "moved"; sessionId: number; question: Question }
  | { status: "refused"; code: "at-last-question" | "at-first-question" | "closed" }
  | AlreadyMoved
  | Forbidden
  | NotFound
  | Duplicate;

export async function moveQuestion(deps: SessionDeps, input: MoveQuestionInput): Promise<MoveQuestionResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<MoveQuestionResult> => {
    const session = await findSession(tx, input.session, { lock: true });
    if (!session) return { status: "not-found" };
    const forbidden = refuse("move", await actorContext(tx, input.actor, session));
    if (forbidden) return forbidden;
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    if (input.from !== undefined && session.status === "open" && session.current !== input.from) {
      return { status: "already-moved", sessionId: session.id, question: session.current };
    }
    const moved = nextQuestion(session, input.direction);
    if (!moved.ok) return { status: "refused", code: moved.code };
    await applyMove(tx, session, moved.question, input.direction, now);
    return { status: "moved", sessionId: session.id, question: moved.question };
  });
}

/** Sets the question and posts it in every thread, then refreshes each thread's status message. */
export async function applyMove(tx: SessionTx, session: SessionRecord, question: Question, reason: QuestionReason, now: Date): Promise<void> {
  await tx.setQuestion(session.id, question, now);
  const posts: OutboxDraft[] = session.threads.map((thread) => ({
    key: uniqueKey(`${thread.rootKey}:q:${question}`),
    channel: thread.channel,
    kind: "post",
    threadKey: thread.rootKey,
    message: questionMessage(session, question, thread, reason),
  }));
  await tx.enqueue([...posts, ...(await statusUpdates(tx, { ...session, current: question, questionSince: now }))], now);
}
