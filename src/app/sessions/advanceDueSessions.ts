/**
 * Use case (scheduled): sessions whose current question has been open `advanceAfterDays` move on by
 * themselves (asynchronous leerkringen work over a week or two). One step per session per run; the
 * new question gets the full number of days again.
 */
import { isAdvanceDue, moveQuestion } from "../../domain/session.ts";
import type { Question, QuestionState } from "../../domain/session.ts";
import { applyMove } from "./moveQuestion.ts";
import type { SessionDeps, SessionRecord } from "./ports.ts";

function stateOf(s: SessionRecord): QuestionState {
  return { status: s.status, current: s.current, since: s.questionSince, ...(s.advanceAfterDays ? { advanceAfterDays: s.advanceAfterDays } : {}) };
}

export interface AdvanceDueSessionsResult {
  moved: { sessionId: number; question: Question }[];
}

export async function advanceDueSessions(deps: SessionDeps, _input: Record<string, never> = {}): Promise<AdvanceDueSessionsResult> {
  const now = deps.clock.now();
  const due = await deps.sessions.transaction(async (tx) =>
    (await tx.openSessions()).filter((s) => isAdvanceDue(stateOf(s), now)).map((s) => s.id),
  );
  const moved: AdvanceDueSessionsResult["moved"] = [];
  // One transaction per session: a facilitator's move in between is seen (the check runs again under the lock).
  for (const id of due) {
    const result = await deps.sessions.transaction(async (tx) => {
      const session = await tx.session(id, { lock: true });
      if (!session || !isAdvanceDue(stateOf(session), now)) return undefined;
      const next = moveQuestion(session, "next");
      if (!next.ok) return undefined;
      await applyMove(tx, session, next.question, "auto", now);
      return { sessionId: id, question: next.question };
    });
    if (result) moved.push(result);
  }
  return { moved };
}
