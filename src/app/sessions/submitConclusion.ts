/**
 * Use case: the facilitator saves the conclusion form as a new draft revision. Revising an adopted
 * conclusion works the same way: a new version, the adopted one stays in the history.
 */
import { parseConclusionForm } from "./conclusionForm.ts";
import type { FormIssue } from "./conclusionForm.ts";
import type { SessionDeps } from "./ports.ts";
import { actorContext, findSession, refuse, statusUpdates } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden, NotFound, SessionRef } from "./types.ts";

export interface SubmitConclusionInput {
  eventId?: string;
  actor: Actor;
  /** From the form's `state`: sessionRefFromValue(form.state). */
  session: SessionRef;
  /** Field id → value, exactly as the form named them (see conclusionForm.ts). */
  values: Record<string, string | undefined>;
}

export type SubmitConclusionResult =
  | { status: "saved"; sessionId: number; version: number }
  | { status: "invalid"; issues: FormIssue[] }
  | Forbidden
  | NotFound
  | Duplicate;

export async function submitConclusion(deps: SessionDeps, input: SubmitConclusionInput): Promise<SubmitConclusionResult> {
  const now = deps.clock.now();
  const parsed = parseConclusionForm(input.values);
  return deps.sessions.transaction(async (tx): Promise<SubmitConclusionResult> => {
    const session = await findSession(tx, input.session, { lock: true });
    if (!session) return { status: "not-found" };
    const forbidden = refuse("conclude", await actorContext(tx, input.actor, session));
    if (forbidden) return forbidden;
    if (!parsed.ok) return { status: "invalid", issues: parsed.issues };
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    // Actions are matched by their place in the list: the one at a place keeps its status (and history).
    const current = await tx.actions(session.id);
    const actions = parsed.actions.map((a, i) => ({ ...a, status: current[i]?.status ?? a.status }));
    const guestSummary = parsed.guestSummary ? { guestSummary: parsed.guestSummary } : {};
    const version = await tx.saveConclusion(session.id, { texts: parsed.texts, ...guestSummary, actions, by: input.actor.user, at: now });
    await tx.enqueue(await statusUpdates(tx, session), now);
    return { status: "saved", sessionId: session.id, version };
  });
}
