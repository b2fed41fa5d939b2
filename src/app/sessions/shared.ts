/**
 * Helpers the session use cases share inside their transaction: who is acting with which rights,
 * which session a reference means, and re-rendering the status message of every thread.
 */
import { randomUUID } from "node:crypto";
import { QUESTIONS } from "../../domain/session.ts";
import type { Question } from "../../domain/session.ts";
import { isAllowed, VISIBILITY } from "../../domain/sessionRules.ts";
import type { ChannelAudience, Role, SessionAction } from "../../domain/sessionRules.ts";
import type { Lang } from "../../domain/format.ts";
import { rootGuestRender, withGuest } from "./guestRender.ts";
import { rootMessage } from "./messages.ts";
import type { ChannelSettings, ContributionCount, OutboxDraft, PersonSettings, SaveStatus, SessionRecord, SessionTx, ThreadRecord } from "./ports.ts";
import { isSystemKey } from "./types.ts";
import type { Actor, Forbidden, SessionRef } from "./types.ts";

export interface ActorContext {
  channel?: ChannelSettings;
  person?: PersonSettings;
  roles: Role[];
  /**
   * The audience that decides rights: the stricter of the channel's and, when acting in a session's
   * thread, that thread's. An unlinked channel counts as a guest channel (nothing but contributing).
   */
  audience: ChannelAudience;
}

export async function actorContext(tx: SessionTx, actor: Actor, session?: SessionRecord): Promise<ActorContext> {
  // Sequential, not Promise.all: queries of one transaction share one connection.
  const channel = await tx.channel(actor.channel);
  // A system key ("system:…", see types.ts) is no person: it gets no roles, even when a row with it exists.
  const person = isSystemKey(actor.user.key) ? undefined : await tx.person(actor.user.key);
  const thread = session?.threads.find((t) => t.channel === actor.channel);
  const audiences = [channel?.audience, thread?.audience].filter((a): a is ChannelAudience => a !== undefined);
  const audience: ChannelAudience = audiences.length === 0 || audiences.includes("gast") ? "gast" : (audiences[0] ?? "gast");
  return { ...(channel ? { channel } : {}), ...(person ? { person } : {}), roles: person?.roles ?? [], audience };
}

/**
 * Writes a channel's settings; every writer goes through here (linkChannel, changeChannelAudienceBySystem,
 * applyConfig). Guest safety: a linked channel that turns gast has its open session threads made guest
 * threads and the outbox rows still waiting for it (rendered for staff) withdrawn. `before` is the
 * channel as the caller read it in this transaction (undefined: not linked yet).
 */
export async function saveChannelSettings(
  tx: SessionTx,
  change: { before: ChannelSettings | undefined; settings: ChannelSettings; meta: Parameters<SessionTx["saveChannel"]>[1]; at: Date },
): Promise<SaveStatus> {
  const status = await tx.saveChannel(change.settings, change.meta);
  if (change.before && change.before.audience !== "gast" && change.settings.audience === "gast") await tx.restrictToGuests(change.settings.key, change.at);
  return status;
}

/** Forbidden, or undefined when allowed (the permission table in sessionRules.ts decides). */
export function refuse(action: SessionAction, context: Pick<ActorContext, "audience" | "roles">): Forbidden | undefined {
  if (isAllowed(action, context.audience, context.roles)) return undefined;
  return { status: "forbidden", action, reason: context.audience === "gast" ? "guest-channel" : "missing-role" };
}

export async function findSession(tx: SessionTx, ref: SessionRef, options: { lock?: boolean } = {}): Promise<SessionRecord | undefined> {
  const id = "sessionId" in ref ? ref.sessionId : await tx.sessionIdByThread(ref.channel, ref.threadId);
  return id === undefined ? undefined : tx.session(id, options);
}

/** Contributions a thread may count: guests see only guest contributions (the store leaves withdrawn ones out). */
export function countsFor(contributions: readonly ContributionCount[], audience: ChannelAudience): Record<Question, number> {
  const counts = Object.fromEntries(QUESTIONS.map((q) => [q, 0])) as Record<Question, number>;
  for (const c of contributions) {
    if (!VISIBILITY[audience].internalContributions && c.audience !== "gast") continue;
    counts[c.question] += c.count;
  }
  return counts;
}

/** Unique key for rows that may repeat (updates, question posts); roots and acks use stable keys. */
export function uniqueKey(prefix: string): string {
  return `${prefix}:${randomUUID()}`;
}

export function rootKey(sessionId: number, channel: string): string {
  return `s${sessionId}:${channel}:root`;
}

/**
 * Outbox updates of the status message (thread root) of the given threads (default: all), rendered
 * from `session` as the caller holds it (with its own change applied) plus the counts and conclusion
 * in the database now. Enqueueing them supersedes older pending updates of the same roots.
 */
export async function statusUpdates(tx: SessionTx, session: SessionRecord, threads: readonly ThreadRecord[] = session.threads): Promise<OutboxDraft[]> {
  if (threads.length === 0) return [];
  const counts = await tx.contributionCounts(session.id);
  const conclusion = await tx.conclusion(session.id);
  return threads.map((thread) => ({
    key: uniqueKey(`${thread.rootKey}:update`),
    channel: thread.channel,
    kind: "update" as const,
    refKey: thread.rootKey,
    message: rootMessage({ session, thread, counts: countsFor(counts, thread.audience), ...(conclusion ? { conclusion } : {}) }),
    ...withGuest(rootGuestRender(session, thread)),
  }));
}

/** statusUpdates for a use case that knows only the session id (a contribution changed). */
export async function refreshStatus(tx: SessionTx, sessionId: number): Promise<OutboxDraft[]> {
  const session = await tx.session(sessionId);
  return session ? statusUpdates(tx, session) : [];
}

export function langOf(channel: ChannelSettings | undefined, fallback: Lang | undefined): Lang {
  return channel?.lang ?? fallback ?? "nl";
}
