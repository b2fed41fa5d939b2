/**
 * Use case: someone with the adopter role, in an internal channel, adopts (stelt vast) the newest
 * conclusion. Who and when are recorded on that revision; the session closes; internal threads get
 * the conclusion, guest threads a thank-you (guests never see internal text unless it is shared).
 */
import { adoptedMessage, guestClosedMessage, summaryMessage } from "./messages.ts";
import { guestPerspectives } from "./shareSummary.ts";
import type { OutboxDraft, SessionDeps } from "./ports.ts";
import { actorContext, findSession, refuse, statusUpdates, uniqueKey } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden, NotFound, SessionRef } from "./types.ts";

export interface AdoptConclusionInput {
  eventId?: string;
  actor: Actor;
  session: SessionRef;
}

export type AdoptConclusionResult =
  | { status: "adopted"; sessionId: number; version: number; adoptedAt: Date }
  | { status: "refused"; code: "no-conclusion" | "already-adopted" }
  | Forbidden
  | NotFound
  | Duplicate;

export async function adoptConclusion(deps: SessionDeps, input: AdoptConclusionInput): Promise<AdoptConclusionResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<AdoptConclusionResult> => {
    const session = await findSession(tx, input.session, { lock: true });
    if (!session) return { status: "not-found" };
    const forbidden = refuse("adopt", await actorContext(tx, input.actor, session));
    if (forbidden) return forbidden;
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    const before = await tx.conclusion(session.id);
    if (!before) return { status: "refused", code: "no-conclusion" };
    if (before.status === "adopted") return { status: "refused", code: "already-adopted" };
    const version = await tx.adoptConclusion(session.id, { by: input.actor.user, at: now });
    if (session.status === "open") await tx.closeSession(session.id, now);
    const conclusion = await tx.conclusion(session.id);
    if (!conclusion) throw new Error(`conclusion of session ${session.id} vanished inside its transaction`);
    // Guests hear once that the duiding is finished; a later revision is internal business.
    const threads = session.threads.filter((t) => t.audience !== "gast" || session.status === "open");
    const posts: OutboxDraft[] = threads.map((thread) => ({
      key: uniqueKey(`${thread.rootKey}:adopted:v${version}`),
      channel: thread.channel,
      kind: "post",
      threadKey: thread.rootKey,
      message: thread.audience === "gast" ? guestClosedMessage(thread) : adoptedMessage(conclusion, thread),
    }));
    // Closing the loop: when the facilitator wrote a summary for guests, each guest thread gets it too
    // (as a shared summary: the web's guest page shows those), with their roles acknowledged.
    const summary = conclusion.current.guestSummary;
    const guestThreads = threads.filter((t) => t.audience === "gast");
    if (summary && guestThreads.length > 0) {
      const perspectives = await guestPerspectives(tx, session.id);
      for (const thread of guestThreads) {
        posts.push({ key: uniqueKey(`${thread.rootKey}:summary`), channel: thread.channel, kind: "post", threadKey: thread.rootKey, message: summaryMessage(summary, thread, perspectives) });
      }
    }
    const closed = { ...session, status: "closed" as const, closedAt: session.closedAt ?? now };
    await tx.enqueue([...posts, ...(await statusUpdates(tx, closed))], now);
    return { status: "adopted", sessionId: session.id, version, adoptedAt: now };
  });
}
