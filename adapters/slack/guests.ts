/**
 * Slack's events that can turn a channel into a guest channel between the periodic checks of the
 * platform-neutral GuestWatch (src/app/channels/guestWatch.ts): channel_shared (the channel left the
 * organisation) and member_joined_channel (maybe a guest). The checks themselves ask SlackDirectory.
 * @see https://docs.slack.dev/reference/events/channel_shared
 * @see https://docs.slack.dev/reference/events/member_joined_channel
 */
import type { App } from "@slack/bolt";
import { z } from "zod";
import type { GuestWatch } from "../../src/app/channels/guestWatch.ts";
import { channelKey, userKey } from "./keys.ts";

const ChannelShared = z.object({ type: z.literal("channel_shared"), channel: z.string() });
const MemberJoined = z.object({ type: z.literal("member_joined_channel"), channel: z.string(), user: z.string() });
const Team = z.object({ team_id: z.string() });

/** The two events that can turn a channel into a guest channel between periodic checks. */
export function registerGuestEvents(app: App, watch: GuestWatch, log: (message: string, error?: unknown) => void): void {
  // Channel keys use our workspace (context.teamId, from auth.test), not the envelope's team: see parse.ts.
  app.event("channel_shared", async ({ body, event, context }) => {
    const team = Team.safeParse(body);
    const shared = ChannelShared.safeParse(event);
    if (!team.success || !shared.success) return;
    await watch.channelShared(channelKey(context.teamId ?? team.data.team_id, shared.data.channel)).catch((error: unknown) => log("Slack: channel_shared niet verwerkt / not handled", error));
  });
  app.event("member_joined_channel", async ({ body, event, context }) => {
    const team = Team.safeParse(body);
    const joined = MemberJoined.safeParse(event);
    if (!team.success || !joined.success) return;
    await watch
      .memberJoined(channelKey(context.teamId ?? team.data.team_id, joined.data.channel), userKey(joined.data.user))
      // A failed check waits for the periodic one (at most 15 minutes).
      .catch((error: unknown) => log("Slack: gastcontrole na member_joined_channel mislukt / guest check failed", error));
  });
}
