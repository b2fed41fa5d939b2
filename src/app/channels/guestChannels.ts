/**
 * Use cases behind guest detection. The chat adapters find out that a channel is shared with another
 * organisation or has guests in it (Slack: conversations.info, members, users.info); these decide
 * which channels to check and record the switch. Rule: guest channels never receive intern
 * indicators, small numbers or staff contributions, so a linked channel that turns out to reach
 * outside the organisation becomes audience "gast" — whatever duidbot.yaml or an admin said.
 *
 * The switch is a change Duidbot makes itself, not a person: it goes through the system use case
 * changeChannelAudienceBySystem with the actor GUEST_DETECTION — no person record, no admin check.
 * It is stored like an admin's change (source "chat", by "system:guest-detection"), with the same
 * guest safety as linkChannel (open threads become guest threads, staff-rendered outbox rows are
 * withdrawn): a later restart keeps it, and only an edit of the channel's duidbot.yaml entry
 * re-applies the file (after which the next check switches it back).
 */
import { changeChannelAudienceBySystem } from "../sessions/index.ts";
import type { ChannelSettings, SessionDeps, SystemActor } from "../sessions/index.ts";

/** Who switches channels to gast on its own; recorded as "system:guest-detection". */
export const GUEST_DETECTION: SystemActor = { system: "guest-detection" };

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
  | { status: "not-linked" };

/** Makes a linked channel a guest channel, keeping its scope and other settings. Idempotent. */
export async function switchToGuestChannel(deps: Pick<SessionDeps, "sessions" | "clock">, input: { channel: string }): Promise<SwitchToGuestResult> {
  const result = await changeChannelAudienceBySystem(deps, { actor: GUEST_DETECTION, channel: input.channel, audience: "gast" });
  switch (result.status) {
    case "changed":
      return { status: "switched", channel: result.channel, previous: result.previous };
    case "unchanged":
      return { status: "already-gast" };
    case "not-linked":
      return { status: "not-linked" };
  }
}
