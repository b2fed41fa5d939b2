/**
 * Use cases of guest links (issue #19): a facilitator invites people without a Slack or Teams account
 * (ervaringsdeskundigen, the adviesraad) into one session's guest thread on the web. A link is
 * `/gast/<publicId>/<secret>`: the secret is 256 random bits of which only the SHA-256 is stored, so the
 * database cannot hand out working links and no signing key has to survive restarts. Each link is its
 * own guest channel "web:gast:<publicId>" (audience gast, its label as the perspective), so guests on it
 * see and do exactly what a guest thread allows, by the same rules as Slack's guest channels.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Perspective } from "../../domain/sessionRules.ts";
import type { GuestLinkRecord } from "./guestLinkTypes.ts";
import { visibleIndicators } from "./messages.ts";
import { openThread } from "./opening.ts";
import type { SessionDeps, SessionRecord, ThreadRecord } from "./ports.ts";
import { actorContext, findSession, langOf, refuse, saveChannelSettings } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden, NotFound, SessionRef } from "./types.ts";

export const GUEST_LINK_DAYS = { default: 14, max: 90 } as const;
export const GUEST_CHANNEL_PREFIX = "web:gast:";
const DAY_MS = 86_400_000;

const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** A link as a facilitator sees it: never the hash. */
export type GuestLinkSummary = Omit<GuestLinkRecord, "tokenHash">;
export const guestLinkSummary = ({ tokenHash: _hash, ...rest }: GuestLinkRecord): GuestLinkSummary => rest;
const summary = guestLinkSummary;

export interface CreateGuestLinkInput {
  eventId?: string;
  actor: Actor;
  session: SessionRef;
  label?: Perspective;
  /** 1..90; default 14. */
  validDays?: number;
}

export type CreateGuestLinkResult =
  | { status: "created"; link: GuestLinkSummary; secret: string }
  | { status: "refused"; code: "nothing-visible" | "invalid-days" }
  | Forbidden
  | NotFound
  | Duplicate;

export async function createGuestLink(deps: SessionDeps, input: CreateGuestLinkInput): Promise<CreateGuestLinkResult> {
  const now = deps.clock.now();
  const days = input.validDays ?? GUEST_LINK_DAYS.default;
  if (!Number.isInteger(days) || days < 1 || days > GUEST_LINK_DAYS.max) return { status: "refused", code: "invalid-days" };
  const publicId = randomBytes(9).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  return deps.sessions.transaction(async (tx): Promise<CreateGuestLinkResult> => {
    const session = await findSession(tx, input.session, { lock: true });
    if (!session) return { status: "not-found" };
    const context = await actorContext(tx, input.actor, session);
    const forbidden = refuse("share", context);
    if (forbidden) return forbidden;
    // A guest thread without a single indicator guests may see would show them nothing to talk about.
    if (visibleIndicators(session.indicators, "gast").length === 0) return { status: "refused", code: "nothing-visible" };
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    const channel = {
      key: `${GUEST_CHANNEL_PREFIX}${publicId}`,
      name: `Gastlink ${input.label ?? "gasten"} (sessie ${session.id})`,
      audience: "gast" as const,
      scope: { opgaven: [], doelen: [], indicators: [] },
      autoStart: false,
      ...(input.label ? { perspective: input.label } : {}),
      lang: langOf(context.channel, deps.sessionDefaults?.lang),
    };
    await saveChannelSettings(tx, { before: undefined, settings: channel, meta: { source: "chat", by: input.actor.user.key }, at: now });
    await openThread(deps, tx, session, channel, now);
    const link = {
      publicId,
      sessionId: session.id,
      channel: channel.key,
      tokenHash: hashOf(secret),
      ...(input.label ? { label: input.label } : {}),
      createdBy: input.actor.user.key,
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * DAY_MS),
    };
    const id = await tx.addGuestLink(link);
    return { status: "created", link: summary({ id, ...link }), secret };
  });
}

/** The address a guest opens: `<origin>/gast/<publicId>/<secret>` (origin: DUIDBOT_PUBLIC_URL or the request's own). */
export function guestLinkUrl(origin: string, publicId: string, secret: string): string {
  return `${origin.replace(/\/+$/, "")}/gast/${publicId}/${secret}`;
}

export type ListGuestLinksResult = { status: "ok"; links: GuestLinkSummary[] } | Forbidden | NotFound;

/** A session's links (created, last used, revoked), for the facilitators who may make them. */
export async function listGuestLinks(deps: SessionDeps, input: { actor: Actor; session: SessionRef }): Promise<ListGuestLinksResult> {
  return deps.sessions.transaction(async (tx): Promise<ListGuestLinksResult> => {
    const session = await findSession(tx, input.session);
    if (!session) return { status: "not-found" };
    const forbidden = refuse("share", await actorContext(tx, input.actor, session));
    if (forbidden) return forbidden;
    return { status: "ok", links: (await tx.guestLinks(session.id)).map(summary) };
  });
}

export type RevokeGuestLinkResult = { status: "revoked"; sessionId: number } | { status: "ignored"; reason: "already-revoked" } | Forbidden | NotFound;

export async function revokeGuestLink(deps: SessionDeps, input: { actor: Actor; publicId: string }): Promise<RevokeGuestLinkResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<RevokeGuestLinkResult> => {
    const link = await tx.guestLinkByPublicId(input.publicId);
    const session = link ? await tx.session(link.sessionId) : undefined;
    if (!link || !session) return { status: "not-found" };
    const forbidden = refuse("share", await actorContext(tx, input.actor, session));
    if (forbidden) return forbidden;
    if (!(await tx.revokeGuestLink(link.id, { at: now, by: input.actor.user.key }))) return { status: "ignored", reason: "already-revoked" };
    return { status: "revoked", sessionId: session.id };
  });
}

export type OpenGuestLinkResult =
  | { status: "ok"; link: GuestLinkSummary; session: SessionRecord; thread: ThreadRecord }
  /** unknown: no such link or a wrong secret (not told apart, so secrets cannot be probed per link). */
  | { status: "refused"; code: "unknown" | "revoked" | "expired" };

/** Checks a link (every request of a guest does: revocation and expiry count at once) and records its use. */
export async function openGuestLink(deps: SessionDeps, input: { publicId: string; secret: string }): Promise<OpenGuestLinkResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<OpenGuestLinkResult> => {
    const link = await tx.guestLinkByPublicId(input.publicId);
    if (!link || !sameHash(link.tokenHash, hashOf(input.secret))) return { status: "refused", code: "unknown" };
    if (link.revokedAt) return { status: "refused", code: "revoked" };
    if (link.expiresAt.getTime() <= now.getTime()) return { status: "refused", code: "expired" };
    const session = await tx.session(link.sessionId);
    const thread = session?.threads.find((t) => t.channel === link.channel);
    if (!session || !thread) return { status: "refused", code: "unknown" };
    await tx.touchGuestLink(link.id, now);
    return { status: "ok", link: summary({ ...link, lastUsedAt: now }), session, thread };
  });
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
