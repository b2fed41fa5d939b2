/**
 * Use cases behind guest detection. The chat adapters find out that a channel is shared with another
 * organisation or has guests in it (Slack: conversations.info, members, users.info); these decide
 * which channels to check and record the switch. Rule: guest channels never receive intern
 * indicators, small numbers or staff contributions, so a linked channel that turns out to reach
 * outside the organisation becomes audience "gast" — whatever duidbot.yaml or an admin said.
 *
 * The switch goes through the session use case for linking channels (linkChannel), so it is stored
 * like an admin's change (source "chat", by SYSTEM_ACTOR): a later restart keeps it, and only an
 * edit of the channel's duidbot.yaml entry re-applies the file (after which the next check switches
 * it back). linkChannel demands an admin; the system actor is therefore a person record with the
 * admin role whose key ("system:…") no chat platform can produce (see switchToGuestChannel).
 */
import { linkChannel } from "../sessions/index.ts";
import type { ChannelSettings, LinkChannelResult, SessionDeps, UserRef } from "../sessions/index.ts";

/** Who switches channels to gast on its own; its key has no chat-platform prefix, so nobody can act as it. */
export const SYSTEM_ACTOR: UserRef = { key: "system:duidbot", name: "Duidbot (automatische gastcontrole)" };

/** Linked channels of one platform ("slack") that are not gast yet: the ones to check. */
export async function channelsToCheck(deps: Pick<SessionDeps, "sessions">, platform: string): Promise<ChannelSettings[]> {
  const channels = await deps.sessions.transaction((tx) => tx.channels());
  return channels.filter((c) => c.key.startsWith(`${platform}:`) && c.audience !== "gast");
}

/** The channel when it is linked and not gast yet (worth checking), else undefined. */
export async function channelToCheck(deps: Pick<SessionDeps, "sessions">, key: string): Promise<ChannelSettings | undefined> {
  const channel = await deps.sessions.transaction((tx) => tx.channel(key));
  return channel && channel.audience !== "gast" ? channel : undefined;
}

export type SwitchToGuestResult =
  | { status: "switched"; channel: ChannelSettings; previous: ChannelSettings["audience"] }
  | { status: "already-gast" }
  /** Not linked: nothing is posted there, and an unlinked channel already counts as gast for rights. */
  | { status: "not-linked" }
  /** linkChannel refused (should not happen; the adapter logs it loudly). */
  | { status: "refused"; result: Exclude<LinkChannelResult, { status: "linked" }> };

/** Makes a linked channel a guest channel, keeping its scope and other settings. Idempotent. */
export async function switchToGuestChannel(deps: SessionDeps, input: { channel: string }): Promise<SwitchToGuestResult> {
  const current = await deps.sessions.transaction((tx) => tx.channel(input.channel));
  if (!current) return { status: "not-linked" };
  if (current.audience === "gast") return { status: "already-gast" };
  await ensureSystemActor(deps);
  const result = await linkChannel(deps, { actor: { user: SYSTEM_ACTOR, channel: input.channel }, settings: { audience: "gast" } });
  if (result.status !== "linked") return { status: "refused", result };
  return { status: "switched", channel: { ...current, audience: "gast" }, previous: current.audience };
}

/**
 * linkChannel only lets an admin link channels (it is written for people); the system actor gets the
 * admin role in the person table. Written only when missing or changed.
 */
async function ensureSystemActor(deps: Pick<SessionDeps, "sessions">): Promise<void> {
  await deps.sessions.transaction(async (tx) => {
    const person = await tx.person(SYSTEM_ACTOR.key);
    if (person?.roles.includes("admin")) return;
    await tx.savePerson({ key: SYSTEM_ACTOR.key, name: SYSTEM_ACTOR.name, roles: ["admin"] }, { source: "chat", by: SYSTEM_ACTOR.key });
  });
}
