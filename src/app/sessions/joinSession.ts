/**
 * Use cases of a face that shows sessions itself (the web, issue #19). A web page is a thread like a
 * Slack thread: the face has its own channel ("web:werkplek", audience leerkring by default), and a
 * session gets a thread there the first time someone acts on it from the web, so web contributions are
 * counted, acknowledged and refused exactly like any thread's. Guests never join this way: they come in
 * through a guest link, whose thread is opened when the link is made (guestLinks.ts).
 */
import type { ChannelSettings, PersonSettings, SessionDeps, ThreadRecord } from "./ports.ts";
import { openThread } from "./opening.ts";
import { findSession, saveChannelSettings } from "./shared.ts";
import type { NotFound, SessionRef } from "./types.ts";

export interface OpenFaceInput {
  /** The face's own channel, saved when no setting for its key exists (duidbot.yaml or an admin's change win). */
  channel: ChannelSettings;
  /** People the face brings (the local user on loopback), saved likewise only when unknown. */
  people: PersonSettings[];
}

/** Makes sure the face's channel and built-in people exist; returns the channel's settings in force. */
export async function openFace(deps: SessionDeps, input: OpenFaceInput): Promise<ChannelSettings> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx) => {
    let channel = await tx.channel(input.channel.key);
    if (!channel) {
      await saveChannelSettings(tx, { before: undefined, settings: input.channel, meta: { source: "chat", by: "system:web" }, at: now });
      channel = input.channel;
    }
    for (const person of input.people) if (!(await tx.person(person.key))) await tx.savePerson(person, { source: "chat", by: "system:web" });
    return channel;
  });
}

export interface JoinSessionInput {
  session: SessionRef;
  /** The face's channel key (its settings exist: openFace). */
  channel: string;
}

export type JoinSessionResult =
  | { status: "joined"; thread: ThreadRecord; opened: boolean }
  /** The channel is not linked, or may see none of the session's indicators. */
  | { status: "refused"; code: "channel-not-linked" | "nothing-visible" }
  | NotFound;

/** The session's thread in the channel, opened (root and current question into the outbox) when it has none yet. */
export async function joinSession(deps: SessionDeps, input: JoinSessionInput): Promise<JoinSessionResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<JoinSessionResult> => {
    const session = await findSession(tx, input.session, { lock: true });
    if (!session) return { status: "not-found" };
    const existing = session.threads.find((t) => t.channel === input.channel);
    if (existing) return { status: "joined", thread: existing, opened: false };
    const channel = await tx.channel(input.channel);
    if (!channel) return { status: "refused", code: "channel-not-linked" };
    if (!(await openThread(deps, tx, session, channel, now))) return { status: "refused", code: "nothing-visible" };
    const thread = (await tx.session(session.id))?.threads.find((t) => t.channel === input.channel);
    if (!thread) throw new Error(`thread of session ${session.id} in ${input.channel} vanished inside its own transaction`);
    return { status: "joined", thread, opened: true };
  });
}
