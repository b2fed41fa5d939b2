/**
 * Use case part: a reply in a weekly digest's thread (recordContribution finds the digest by the
 * thread's root). When it names exactly one item ("2: …", or the item's name), it becomes a
 * contribution to that doel's or indicator's session: the open one (this channel joins it when it had
 * no thread in it yet) or a new one, through startSession like every start. A guest channel cannot
 * start or join: its reply lands only in a session it already takes part in. Otherwise the bot answers
 * in the digest's thread how to reply (once per message: the event is claimed).
 */
import { pickDigestItem } from "../../domain/digest/reply.ts";
import { digestText } from "../../domain/digest/texts.ts";
import type { RecordContributionInput, RecordContributionResult } from "../sessions/recordContribution.ts";
import { addToThread } from "../sessions/addToThread.ts";
import { startSession } from "../sessions/startSession.ts";
import type { SessionDeps } from "../sessions/ports.ts";
import { eventKey } from "../sessions/types.ts";
import type { DigestRunRecord } from "./ports.ts";

export async function replyToDigest(deps: SessionDeps, input: RecordContributionInput, digest: DigestRunRecord): Promise<RecordContributionResult> {
  const picked = pickDigestItem(input.text, digest.items);
  if (picked.ok) {
    const actor = { user: input.user, channel: input.channel };
    const subject = picked.item.subject;
    // No event id: startSession is idempotent without one (a redelivery finds the session it opened), and
    // the event itself is claimed once, with the contribution (addToThread).
    const started = await startSession(deps, { actor, subject, ...(digest.dinSlug ? { dinSlug: digest.dinSlug } : {}) });
    const sessionId = started.status === "started" || started.status === "already-open" ? started.sessionId : await openGuestSession(deps, input.channel, digest, subject);
    if (sessionId !== undefined) {
      const now = deps.clock.now();
      const recorded = await deps.sessions.transaction(async (tx) => {
        const session = await tx.session(sessionId, { lock: true });
        const thread = session?.threads.find((t) => t.channel === input.channel);
        if (!session || !thread) return undefined;
        const { threadId: _thread, ...message } = input;
        return addToThread(tx, session, thread, { ...message, text: picked.text }, now);
      });
      if (recorded) return recorded;
    }
  }
  return explain(deps, input, digest);
}

/** Guests may not start a session: the open session about the subject, when this guest channel has a thread in it. */
async function openGuestSession(deps: SessionDeps, channel: string, digest: DigestRunRecord, subject: DigestRunRecord["items"][number]["subject"]): Promise<number | undefined> {
  if (!digest.dinSlug) return undefined;
  const dinSlug = digest.dinSlug;
  return deps.sessions.transaction(async (tx) => {
    const id = await tx.openSessionAbout(dinSlug, subject);
    const session = id === undefined ? undefined : await tx.session(id);
    return session?.threads.some((t) => t.channel === channel) ? session.id : undefined;
  });
}

async function explain(deps: SessionDeps, input: RecordContributionInput, digest: DigestRunRecord): Promise<RecordContributionResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<RecordContributionResult> => {
    if (!(await tx.claimEvent(eventKey(input.channel, input.eventId), now))) return { status: "ignored", reason: "duplicate" };
    const channel = await tx.channel(input.channel);
    const lang = channel?.lang ?? deps.sessionDefaults?.lang ?? "nl";
    const t = digestText(lang);
    const guest = channel?.audience === "gast";
    // A guest channel is reminded only of items it can still reply to (a session it takes part in): the
    // channel may have turned guest after an internal digest, or an indicator turned intern since.
    const items = [];
    for (const item of digest.items) {
      if (!guest) items.push(item);
      else if (digest.dinSlug) {
        const id = await tx.openSessionAbout(digest.dinSlug, item.subject);
        const session = id === undefined ? undefined : await tx.session(id);
        if (session?.threads.some((th) => th.channel === input.channel)) items.push(item);
      }
    }
    const text = [guest ? t.howToGuest : t.howTo, ...items.map((i) => `${i.n}. ${i.label}`)].join("\n");
    if (digest.outboxKey) {
      await tx.enqueue(
        [{ key: `digest-help:${input.channel}:${input.messageId}`, channel: input.channel, kind: "post", threadKey: digest.outboxKey, message: { target: { channel: input.channel }, summary: guest ? t.howToGuest : t.howTo, elements: [{ type: "text", text }] } }],
        now,
      );
    }
    return { status: "answered", reason: "digest-how-to-reply" };
  });
}
