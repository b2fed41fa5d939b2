/**
 * Use case: the owner of a verbeteractie, or a facilitator, sets its status (open, bezig, gereed,
 * vervallen) without resubmitting the conclusion. The change is kept as history (who, when, from → to)
 * and told in the session's internal threads. Guest channels do not steer, so nobody sets it there.
 */
import { actionStatusLabel, isActionOwner } from "../../domain/actionStatus.ts";
import type { ActionStatus } from "../../domain/actionStatus.ts";
import type { OutboxDraft, SessionDeps } from "./ports.ts";
import { actorContext, uniqueKey } from "./shared.ts";
import { ACTION_TEXT } from "./texts/actionTexts.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden } from "./types.ts";

export interface SetActionStatusInput {
  eventId?: string;
  actor: Actor;
  /** The action's number (Action row id), as lists and reminders show it. */
  actionId: number;
  status: ActionStatus;
}

export type SetActionStatusResult =
  | { status: "action-set"; code: ActionStatus; actionId: number; from: ActionStatus; vars: { nr: string } }
  | { status: "action-unchanged"; code: ActionStatus; vars: { nr: string } }
  | { status: "action-not-found"; vars: { nr: string } }
  | { status: "refused"; code: "not-owner" }
  | Forbidden
  | Duplicate;

export async function setActionStatus(deps: SessionDeps, input: SetActionStatusInput): Promise<SetActionStatusResult> {
  const now = deps.clock.now();
  const nr = { nr: String(input.actionId) };
  return deps.sessions.transaction(async (tx): Promise<SetActionStatusResult> => {
    const context = await actorContext(tx, input.actor);
    // Owner names are internal: nothing about actions happens in a guest (or unlinked) channel.
    if (context.audience === "gast") return { status: "forbidden", action: "conclude", reason: "guest-channel" };
    const action = await tx.action(input.actionId, { lock: true });
    if (!action) return { status: "action-not-found", vars: nr };
    const names = [input.actor.user.name, ...(context.person ? [context.person.name] : [])];
    if (!context.roles.includes("facilitator") && !isActionOwner(action.owner, { key: input.actor.user.key, names })) return { status: "refused", code: "not-owner" };
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    if (action.status === input.status) return { status: "action-unchanged", code: input.status, vars: nr };
    await tx.setActionStatus(action.id, { from: action.status, to: input.status, by: input.actor.user, at: now });
    const session = await tx.session(action.sessionId);
    const posts: OutboxDraft[] = (session?.threads ?? [])
      .filter((t) => t.audience !== "gast")
      .map((thread) => {
        const text = ACTION_TEXT[thread.lang].statusChanged(action.id, action.text, actionStatusLabel(input.status, thread.lang), input.actor.user.name);
        return {
          key: uniqueKey(`${thread.rootKey}:action:${action.id}`),
          channel: thread.channel,
          kind: "post" as const,
          threadKey: thread.rootKey,
          message: { target: { channel: thread.channel }, summary: text, elements: [{ type: "text" as const, text }] },
        };
      });
    await tx.enqueue(posts, now);
    return { status: "action-set", code: input.status, actionId: action.id, from: action.status, vars: nr };
  });
}
