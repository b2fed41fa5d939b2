/**
 * The directory port: what a chat platform can tell about its channels and people that the rules
 * need — is a channel shared with another organisation, are there guests in it, is the bot in it.
 * Each chat adapter implements it (Slack: conversations.info / members, users.info; Teams: the
 * conversation's tenant and roster). Keys are the platform-neutral channel and user keys.
 * Failures are ChatErrors (src/app/errors.ts): "NotFound" for a channel the bot cannot see,
 * "RateLimited" to stop asking until the next round; nothing is ever decided on a guess.
 */

export interface ChannelReach {
  /** Shared with another organisation (Slack Connect, a Teams shared channel across tenants). */
  externallyShared: boolean;
  /** Guests among the members (true as well when externally shared). */
  hasGuests: boolean;
  /** The bot is in the channel: without it every post fails. */
  isMember: boolean;
  /** A direct message or group chat: no channel to link. */
  isDirect: boolean;
}

export interface ReachOptions {
  /** A person is waiting (a command): look at what can be answered within a few seconds. */
  quick?: boolean;
  /** false: skip the member look-ups (hasGuests then only follows sharing). */
  members?: boolean;
}

export interface ChatDirectory {
  /** "slack", "teams": the prefix of the channel and user keys it answers for. */
  readonly platform: string;
  /** How people call the platform in a log line ("Slack"). */
  readonly label: string;
  /** The platform's name for sharing with another organisation ("Slack Connect"), if it has one. */
  readonly sharedVia?: string;
  reach(channelKey: string, options?: ReachOptions): Promise<ChannelReach>;
  /** Only whether the channel is shared outside the organisation (one cheap look-up). */
  sharedOutside(channelKey: string): Promise<boolean>;
  /** Whether this person is a guest, asked fresh (not from a cache): a guest check must not rely on an old answer. */
  isGuestNow(userKey: string): Promise<boolean>;
}
