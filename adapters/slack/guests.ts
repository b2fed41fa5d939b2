/**
 * Guest detection for Slack channels, beyond `/duiding koppel`: linked channels (from duidbot.yaml or
 * an admin) are checked when the adapter starts, every 15 minutes, and at once when Slack reports
 * that a channel was shared (channel_shared) or that someone joined it (member_joined_channel). A
 * channel shared outside the organisation (Slack Connect) or with guests in it (is_restricted /
 * is_ultra_restricted) becomes audience gast through switchToGuestChannel (a change by the system
 * actor "system:guest-detection", no person), with a warning in the log.
 * Checks call Slack outside the work queue; only the database steps queue (acks are never starved).
 * @see https://docs.slack.dev/reference/events/channel_shared
 * @see https://docs.slack.dev/reference/events/member_joined_channel
 */
import type { App } from "@slack/bolt";
import { z } from "zod";
import { channelsToCheck, channelToCheck, switchToGuestChannel } from "../../src/app/channels/guestChannels.ts";
import type { SessionDeps } from "../../src/app/sessions/index.ts";
import type { SlackDirectory } from "./directory.ts";
import { toChatError } from "./errors.ts";
import { channelKey, parseChannelKey, PLATFORM } from "./keys.ts";
import type { WorkQueue } from "../../src/app/workQueue.ts";

export type GuestReason = "shared" | "guests" | "guest-joined";

export interface GuestCheckResult {
  checked: number;
  switched: { channel: string; reason: GuestReason }[];
  /** Channels whose check failed (they stay as they are until the next check). */
  failed: string[];
  /** The round stopped early because Slack answered 429. */
  rateLimited: boolean;
}

const REASONS: Record<GuestReason, { nl: string; en: string }> = {
  shared: { nl: "is gedeeld met een andere organisatie (Slack Connect)", en: "is shared with another organisation (Slack Connect)" },
  guests: { nl: "heeft gasten als lid", en: "has guests among its members" },
  "guest-joined": { nl: "kreeg er een gast bij", en: "was joined by a guest" },
};

export function guestWarning(channel: { key: string; name: string }, previous: string, reason: GuestReason): string {
  const r = REASONS[reason];
  return (
    `Slack: kanaal ${channel.name} (${channel.key}) ${r.nl}: omgezet van ${previous} naar gast — het krijgt geen interne indicatoren, ` +
    `kleine aantallen of bijdragen van medewerkers meer. / channel ${channel.name} ${r.en}: switched from ${previous} to audience gast ` +
    `(no intern indicators, small numbers or staff contributions).`
  );
}

export interface GuestWatchDeps {
  sessions: SessionDeps;
  directory: SlackDirectory;
  queue: WorkQueue;
  log(message: string, error?: unknown): void;
}

export class GuestWatch {
  readonly #deps: GuestWatchDeps;
  #round: Promise<GuestCheckResult> | undefined;

  constructor(deps: GuestWatchDeps) {
    this.#deps = deps;
  }

  /** Checks every linked Slack channel that is not gast yet. One round at a time. */
  checkAll(): Promise<GuestCheckResult> {
    this.#round ??= this.#checkAll().finally(() => {
      this.#round = undefined;
    });
    return this.#round;
  }

  async #checkAll(): Promise<GuestCheckResult> {
    const result: GuestCheckResult = { checked: 0, switched: [], failed: [], rateLimited: false };
    const channels = await this.#deps.queue.run("background", () => channelsToCheck(this.#deps.sessions, PLATFORM));
    for (const channel of channels) {
      const slack = parseChannelKey(channel.key);
      if (!slack) continue;
      let reason: GuestReason | undefined;
      try {
        const reach = await this.#deps.directory.reach(slack.channel);
        reason = reach.externallyShared ? "shared" : reach.hasGuests ? "guests" : undefined;
      } catch (error) {
        const chatError = toChatError(error, `gastcontrole ${channel.key}`);
        result.failed.push(channel.key);
        if (chatError.code === "RateLimited") {
          this.#deps.log("Slack: gastcontrole gepauzeerd tot de volgende ronde (429) / guest check paused until the next round", chatError);
          result.rateLimited = true;
          return result;
        }
        this.#deps.log(`Slack: gastcontrole van ${channel.key} mislukt / guest check failed`, chatError);
        continue;
      }
      result.checked++;
      if (reason && (await this.#switch(channel.key, reason))) result.switched.push({ channel: channel.key, reason });
    }
    return result;
  }

  /** channel_shared: the event itself says the channel left the organisation. */
  async channelShared(team: string, slackChannel: string): Promise<boolean> {
    return this.#switch(channelKey(team, slackChannel), "shared");
  }

  /** member_joined_channel: a guest joining (asked fresh, not from the cache) makes the channel gast. */
  async memberJoined(team: string, slackChannel: string, userId: string): Promise<boolean> {
    const key = channelKey(team, slackChannel);
    if (!(await this.#deps.queue.run("background", () => channelToCheck(this.#deps.sessions, key)))) return false;
    if (await this.#deps.directory.sharedOutside(slackChannel)) return this.#switch(key, "shared");
    return (await this.#deps.directory.personNow(userId)).guest ? this.#switch(key, "guest-joined") : false;
  }

  async #switch(key: string, reason: GuestReason): Promise<boolean> {
    const result = await this.#deps.queue.run("background", () => switchToGuestChannel(this.#deps.sessions, { channel: key }));
    if (result.status !== "switched") return false; // already gast, or not linked
    this.#deps.log(guestWarning(result.channel, result.previous, reason));
    return true;
  }
}

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
    await watch.channelShared(context.teamId ?? team.data.team_id, shared.data.channel).catch((error: unknown) => log("Slack: channel_shared niet verwerkt / not handled", error));
  });
  app.event("member_joined_channel", async ({ body, event, context }) => {
    const team = Team.safeParse(body);
    const joined = MemberJoined.safeParse(event);
    if (!team.success || !joined.success) return;
    await watch
      .memberJoined(context.teamId ?? team.data.team_id, joined.data.channel, joined.data.user)
      // A failed check waits for the periodic one (at most 15 minutes).
      .catch((error: unknown) => log("Slack: gastcontrole na member_joined_channel mislukt / guest check failed", error));
  });
}
