/** Use case (admin): give a person roles (facilitator, adopter, admin) and a perspective; source "chat". */
import type { Perspective, Role } from "../../domain/sessionRules.ts";
import type { SessionDeps } from "./ports.ts";
import { actorContext, refuse } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden, UserRef } from "./types.ts";

export interface SetPersonRolesInput {
  eventId?: string;
  actor: Actor;
  person: UserRef;
  /** The full set of roles after this change. */
  roles: Role[];
  perspective?: Perspective;
}

export type SetPersonRolesResult = { status: "saved"; person: string } | Forbidden | Duplicate;

export async function setPersonRoles(deps: SessionDeps, input: SetPersonRolesInput): Promise<SetPersonRolesResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<SetPersonRolesResult> => {
    const forbidden = refuse("configure", await actorContext(tx, input.actor));
    if (forbidden) return forbidden;
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    const existing = await tx.person(input.person.key);
    const perspective = input.perspective ?? existing?.perspective;
    await tx.savePerson(
      { key: input.person.key, name: input.person.name, roles: input.roles, ...(perspective ? { perspective } : {}) },
      { source: "chat", by: input.actor.user.key },
    );
    return { status: "saved", person: input.person.key };
  });
}
