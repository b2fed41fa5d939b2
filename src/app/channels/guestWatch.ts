/**
 * Guest detection beyond linking a channel: linked channels (from duidbot.yaml or an admin) are
 * checked when an adapter starts, periodically, and at once when the platform reports that a
 * channel was shared or that someone joined it. A channel shared outside the organisation or with
 * guests in it becomes audience gast through switchToGuestChannel (a change by the system actor
 * "system:guest-detection", no person), with a warning in the log. Platform-neutral: each adapter
 * gives its ChatDirectory and routes its own events to channelShared / memberJoined.
 * Checks ask the platform outside the work queue; only the database steps queue (acks are never starved).
 */
import { ChatError } from "../errors.ts";
import type { SessionDeps } from "../sessions/index.ts";
import type { WorkQueue } from "../workQueue.ts";
import type { ChatDirectory } from "./directory.ts";
import { channelsToCheck, channelToCheck, switchToGuestChannel } from "./guestChannels.ts";

export type GuestReason = "shared" | "guests" | "guest-joined";

export interface GuestCheckResult {
  checked: number;
  switched: { channel: string; reason: GuestReason }[];
  /** Channels whose check failed (they stay as they are until the next check). */
  failed: string[];
  /** The round stopped early because the platform asked us to slow down. */
  rateLimited: boolean;
}

const REASONS: Record<GuestReason, { nl: string; en: string }> = {
  shared: { nl: "is gedeeld met een andere organisatie", en: "is shared with another organisation" },
  guests: { nl: "heeft gasten als lid", en: "has guests among its members" },
  "guest-joined": { nl: "kreeg er een gast bij", en: "was joined by a guest" },
};

export function guestWarning(
  platform: Pick<ChatDirectory, "label" | "sharedVia">,
  channel: { key: string; name: string },
  previous: string,
  reason: GuestReason,
): string {
  const r = REASONS[reason];
  const via = reason === "shared" && platform.sharedVia ? ` (${platform.sharedVia})` : "";
  return (
    `${platform.label}: kanaal ${channel.name} (${channel.key}) ${r.nl}${via}: omgezet van ${previous} naar gast — het krijgt geen interne indicatoren, ` +
    `kleine aantallen of bijdragen van medewerkers meer. / channel ${channel.name} ${r.en}${via}: switched from ${previous} to audience gast ` +
    `(no intern indicators, small numbers or staff contributions).`
  );
}

export interface GuestWatchDeps {
  sessions: SessionDeps;
  directory: ChatDirectory;
  queue: WorkQueue;
  log(message: string, error?: unknown): void;
}

export class GuestWatch {
  readonly #deps: GuestWatchDeps;
  #round: Promise<GuestCheckResult> | undefined;

  constructor(deps: GuestWatchDeps) {
    this.#deps = deps;
  }

  /** Checks every linked channel of the platform that is not gast yet. One round at a time. */
  checkAll(): Promise<GuestCheckResult> {
    this.#round ??= this.#checkAll().finally(() => {
      this.#round = undefined;
    });
    return this.#round;
  }

  async #checkAll(): Promise<GuestCheckResult> {
    const { directory, queue, sessions, log } = this.#deps;
    const result: GuestCheckResult = { checked: 0, switched: [], failed: [], rateLimited: false };
    const channels = await queue.run("background", () => channelsToCheck(sessions, directory.platform));
    for (const channel of channels) {
      let reason: GuestReason | undefined;
      try {
        const reach = await directory.reach(channel.key);
        reason = reach.externallyShared ? "shared" : reach.hasGuests ? "guests" : undefined;
      } catch (error) {
        result.failed.push(channel.key);
        if (error instanceof ChatError && error.code === "RateLimited") {
          log(`${directory.label}: gastcontrole gepauzeerd tot de volgende ronde (429) / guest check paused until the next round`, error);
          result.rateLimited = true;
          return result;
        }
        log(`${directory.label}: gastcontrole van ${channel.key} mislukt / guest check failed`, error);
        continue;
      }
      result.checked++;
      if (reason && (await this.#switch(channel.key, reason))) result.switched.push({ channel: channel.key, reason });
    }
    return result;
  }

  /** The platform reports the channel was shared: the event itself says it left the organisation. */
  async channelShared(channelKey: string): Promise<boolean> {
    return this.#switch(channelKey, "shared");
  }

  /** Someone joined the channel: a guest joining (asked fresh, not from a cache) makes it gast. */
  async memberJoined(channelKey: string, userKey: string): Promise<boolean> {
    const { directory, queue, sessions } = this.#deps;
    if (!(await queue.run("background", () => channelToCheck(sessions, channelKey)))) return false;
    if (await directory.sharedOutside(channelKey)) return this.#switch(channelKey, "shared");
    return (await directory.isGuestNow(userKey)) ? this.#switch(channelKey, "guest-joined") : false;
  }

  async #switch(key: string, reason: GuestReason): Promise<boolean> {
    const result = await this.#deps.queue.run("background", () => switchToGuestChannel(this.#deps.sessions, { channel: key }));
    if (result.status !== "switched") return false; // already gast, or not linked
    this.#deps.log(guestWarning(this.#deps.directory, result.channel, result.previous, reason));
    return true;
  }
}
