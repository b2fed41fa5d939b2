/**
 * Use case: a contributor sets their own perspective once (`/duiding ik ben ervaringsdeskundige`); their
 * next contributions carry it wherever they contribute (resolvePerspective: the person's own wins over
 * the channel's default), so an ervaringsdeskundige in the adviesraad's channel is recorded as
 * ervaringsdeskundige. In a guest channel only the guest perspectives can be chosen: nobody there labels
 * themselves a colleague of the municipality. Roles are untouched.
 */
import { isPerspective, mayChoosePerspective } from "../../domain/sessionRules.ts";
import type { Perspective } from "../../domain/sessionRules.ts";
import type { SessionDeps } from "./ports.ts";
import { actorContext } from "./shared.ts";
import { eventKey, isSystemKey } from "./types.ts";
import type { Actor, Duplicate } from "./types.ts";

export interface SetOwnPerspectiveInput {
  eventId?: string;
  actor: Actor;
  /** As typed ("ervaringsdeskundige"); checked here. */
  perspective: string;
}

export type SetOwnPerspectiveResult =
  | { status: "perspective-set"; perspective: Perspective; vars: { perspective: string } }
  | { status: "refused"; code: "unknown-perspective" | "staff-perspective" }
  | Duplicate;

export async function setOwnPerspective(deps: SessionDeps, input: SetOwnPerspectiveInput): Promise<SetOwnPerspectiveResult> {
  const now = deps.clock.now();
  const word = input.perspective.trim().toLowerCase();
  if (!isPerspective(word) || isSystemKey(input.actor.user.key)) return { status: "refused", code: "unknown-perspective" };
  return deps.sessions.transaction(async (tx): Promise<SetOwnPerspectiveResult> => {
    const context = await actorContext(tx, input.actor);
    if (!mayChoosePerspective(word, context.audience)) return { status: "refused", code: "staff-perspective" };
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    const existing = context.person;
    await tx.savePerson(
      { key: input.actor.user.key, name: existing?.name ?? input.actor.user.name, roles: existing?.roles ?? [], perspective: word },
      { source: "chat", by: input.actor.user.key },
    );
    // A guest who chose after contributing (the question on their first contribution): what they said in
    // sessions still open carries the choice too, so the report labels it right.
    if (context.audience === "gast") await tx.relabelGuestContributions(input.actor.user.key, word);
    return { status: "perspective-set", perspective: word, vars: { perspective: word } };
  });
}
