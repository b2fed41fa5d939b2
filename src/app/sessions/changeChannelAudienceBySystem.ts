/**
 * Use case (system): Duidbot changes a linked channel's audience on its own — today guest detection
 * (src/app/channels/guestChannels.ts) making a channel that reaches outside the organisation gast.
 *
 * No person is involved and no permission is checked: the actor is a SystemActor (types.ts), which no
 * chat input can produce, and the only change it can make is the stricter one, to gast. The change is
 * stored like an admin's `/duiding koppel` (source "chat", by "system:guest-detection"; scope and the
 * other settings kept) through the same saveChannelSettings as linkChannel, so open threads become
 * guest threads and staff-rendered outbox rows are withdrawn; a restart keeps it, and only an edited
 * duidbot.yaml entry for the channel re-applies the file (see applyConfig.ts). Idempotent.
 */
import type { ChannelAudience } from "../../domain/sessionRules.ts";
import type { ChannelSettings, SessionDeps } from "./ports.ts";
import { saveChannelSettings } from "./shared.ts";
import { systemKey } from "./types.ts";
import type { SystemActor } from "./types.ts";

export interface ChangeChannelAudienceBySystemInput {
  actor: SystemActor;
  channel: string;
  /** Only ever stricter: the system makes channels gast, never the other way round. */
  audience: "gast";
}

export type ChangeChannelAudienceBySystemResult =
  | { status: "changed"; channel: ChannelSettings; previous: ChannelAudience }
  /** The channel has that audience already: nothing written. */
  | { status: "unchanged" }
  /** Not linked: nothing is posted there, and an unlinked channel already counts as gast for rights. */
  | { status: "not-linked" };

export async function changeChannelAudienceBySystem(
  deps: Pick<SessionDeps, "sessions" | "clock">,
  input: ChangeChannelAudienceBySystemInput,
): Promise<ChangeChannelAudienceBySystemResult> {
  const at = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<ChangeChannelAudienceBySystemResult> => {
    const before = await tx.channel(input.channel);
    if (!before) return { status: "not-linked" };
    if (before.audience === input.audience) return { status: "unchanged" };
    const channel: ChannelSettings = { ...before, audience: input.audience };
    await saveChannelSettings(tx, { before, settings: channel, meta: { source: "chat", by: systemKey(input.actor) }, at });
    return { status: "changed", channel, previous: before.audience };
  });
}
