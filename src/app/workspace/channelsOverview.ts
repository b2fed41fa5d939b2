/**
 * Use case: the linked channels and the people with roles, with where their settings come from, and the
 * guest links per session (`/kanalen`). A guest link is its own channel ("web:gast:<id>") for the rules'
 * sake, but no channel anyone linked: it is listed with its session (label, created, last used, valid
 * until, revoked), not among the channels.
 */
import { GUEST_CHANNEL_PREFIX, guestLinkSummary, type GuestLinkSummary } from "../sessions/guestLinks.ts";
import type { SessionStore, SessionTx } from "../sessions/ports.ts";

export type SettingsOverview = Awaited<ReturnType<SessionTx["settingsOverview"]>>;

export interface SessionGuestLinks {
  sessionId: number;
  title: string;
  /** Oldest first. */
  links: GuestLinkSummary[];
}

export interface ChannelsOverview extends SettingsOverview {
  /** Sessions with guest links, newest session first. */
  guestLinks: SessionGuestLinks[];
}

export function channelsOverview(deps: { sessions: SessionStore }): Promise<ChannelsOverview> {
  return deps.sessions.transaction(async (tx) => {
    const overview = await tx.settingsOverview();
    const perSession = new Map<number, GuestLinkSummary[]>();
    for (const link of await tx.guestLinks()) perSession.set(link.sessionId, [...(perSession.get(link.sessionId) ?? []), guestLinkSummary(link)]);
    const guestLinks: SessionGuestLinks[] = [];
    for (const [sessionId, links] of [...perSession].sort((a, b) => b[0] - a[0])) {
      guestLinks.push({ sessionId, title: (await tx.session(sessionId))?.title ?? `#${sessionId}`, links });
    }
    return { ...overview, channels: overview.channels.filter((c) => !c.key.startsWith(GUEST_CHANNEL_PREFIX)), guestLinks };
  });
}
