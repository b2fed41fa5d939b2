/**
 * An in-memory ChatDirectory: which channels are shared outside the organisation, who is a guest, and
 * which channels the bot is in, as a test sets them. Keys are "memory:<channel>" and "memory:<user>".
 */
import type { ChannelReach, ChatDirectory } from "../../src/app/channels/directory.ts";
import { ChatError } from "../../src/app/errors.ts";

export class MemoryDirectory implements ChatDirectory {
  readonly platform = "memory";
  readonly label = "Memory";
  /** Channel key → facts; a channel not listed is unknown to the bot (NotFound). */
  readonly channels = new Map<string, { shared?: boolean; members?: string[]; botIn?: boolean; direct?: boolean }>();
  readonly guests = new Set<string>();

  async reach(channelKey: string): Promise<ChannelReach> {
    const channel = this.channels.get(channelKey);
    if (!channel) throw new ChatError("NotFound", `memory: no channel ${channelKey}`);
    const shared = channel.shared === true;
    return {
      externallyShared: shared,
      hasGuests: shared || (channel.members ?? []).some((m) => this.guests.has(m)),
      isMember: channel.botIn !== false,
      isDirect: channel.direct === true,
    };
  }

  async sharedOutside(channelKey: string): Promise<boolean> {
    return (await this.reach(channelKey)).externallyShared;
  }

  async isGuestNow(userKey: string): Promise<boolean> {
    return this.guests.has(userKey);
  }
}
