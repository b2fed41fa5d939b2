/**
 * `start <id>`: the id may name an indicator or a doel, and people do not say which, so an unknown
 * indicator is tried as a doel. DIN ids are lower-case slugs; people type "Jeugdhulp" as often as "jeugdhulp".
 */
import { startSession } from "../sessions/index.ts";
import type { Actor, SessionDeps, StartSessionResult } from "../sessions/index.ts";

export async function startBySubject(deps: SessionDeps, input: { eventId: string; actor: Actor; id: string }): Promise<StartSessionResult> {
  const id = input.id.toLowerCase();
  const first = await startSession(deps, { eventId: input.eventId, actor: input.actor, subject: { kind: "indicator", id } });
  if (first.status !== "unknown-subject") return first;
  // Its own event id: the first attempt claimed none (unknown subject), but keep the two apart anyway.
  return startSession(deps, { eventId: `${input.eventId}:doel`, actor: input.actor, subject: { kind: "doel", id } });
}
