/**
 * Cached look-ups of Slack facts the handlers need: a person's display name (users.info) and
 * whether a channel reaches outside the organisation (conversations.info / conversations.members),
 * and whether it is a channel duidbot can post in at all (a member, not a DM).
 * People are cached for an hour, so a busy thread costs one users.info per person, not per reply,
 * and the periodic guest check of a channel costs users.info only for members not seen within the
 * hour; a failed name look-up falls back to the user id rather than losing the reply.
 * Rate limits (users.info and conversations.members: Tier 4, conversations.info: Tier 3): in the
 * background check member look-ups run a few at a time, and a 429 ends the check at once (the
 * WebClient does not retry; the caller tries again at its next round).
 * @see https://docs.slack.dev/reference/methods/users.info
 * @see https://docs.slack.dev/reference/methods/conversations.info
 * @see https://docs.slack.dev/reference/methods/conversations.members
 */
import type { webApi } from "@slack/bolt";
import type { ChannelReach, ChatDirectory, ReachOptions } from "../../src/app/channels/directory.ts";
import { toChatError } from "./errors.ts";
import { parseChannelKey, parseUserKey, PLATFORM } from "./keys.ts";

export interface SlackPerson {
  id: string;
  name: string;
  /** Multi- or single-channel guest (is_restricted / is_ultra_restricted). */
  guest: boolean;
}

const NAME_TTL_MS = 60 * 60 * 1000;
/** conversations.members page size (Slack's maximum is 1000). */
const MEMBER_PAGE = 1000;
/** users.info calls in flight at once during a background channel check. */
const LOOKUP_CONCURRENCY = 4;
/** Members a quick check (the slash command) looks at: one page, as many as a leerkring has. */
const QUICK_MEMBERS = 200;

/**
 * Shared outside the organisation: Slack Connect (is_ext_shared, or pending), or shared with another
 * workspace that is not part of the same Enterprise Grid organisation (is_shared without is_org_shared).
 */
export function isSharedOutside(channel: { is_ext_shared?: boolean; is_pending_ext_shared?: boolean; is_shared?: boolean; is_org_shared?: boolean } | undefined): boolean {
  return Boolean(channel?.is_ext_shared || channel?.is_pending_ext_shared || (channel?.is_shared && !channel.is_org_shared));
}

/** The Slack channel id inside a key; a key of another platform or workspace format is a caller's bug. */
function slackChannelOf(key: string): string {
  const parsed = parseChannelKey(key);
  if (!parsed) throw new Error(`not a Slack channel key: ${key}`);
  return parsed.channel;
}

export class SlackDirectory implements ChatDirectory {
  readonly platform = PLATFORM;
  readonly label = "Slack";
  readonly sharedVia = "Slack Connect";
  readonly #client: webApi.WebClient;
  readonly #people = new Map<string, { person: SlackPerson; until: number }>();
  readonly #now: () => number;

  constructor(client: webApi.WebClient, now: () => number = Date.now) {
    this.#client = client;
    this.#now = now;
  }

  /** Never fails: without Slack's answer the name is the user id (the reply still counts). */
  async person(userId: string): Promise<SlackPerson> {
    try {
      return await this.#lookup(userId);
    } catch {
      return { id: userId, name: userId, guest: false };
    }
  }

  /** A fresh look-up (no cache), for a guest check that must not rely on an hour-old answer; errors propagate. */
  async isGuestNow(userKey: string): Promise<boolean> {
    const userId = parseUserKey(userKey);
    if (!userId) throw new Error(`not a Slack user key: ${userKey}`);
    return this.#ask("users.info", async () => (await this.#lookup(userId, { fresh: true })).guest);
  }

  /** Slack's errors as ChatErrors (the port's contract): NotFound, RateLimited, … */
  async #ask<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toChatError(error, what);
    }
  }

  async #lookup(userId: string, options: { fresh?: boolean } = {}): Promise<SlackPerson> {
    const cached = this.#people.get(userId);
    if (!options.fresh && cached && cached.until > this.#now()) return cached.person;
    const { user } = await this.#client.users.info({ user: userId });
    const person: SlackPerson = {
      id: userId,
      name: user?.profile?.display_name || user?.real_name || user?.name || userId,
      guest: Boolean(user?.is_restricted || user?.is_ultra_restricted),
    };
    this.#people.set(userId, { person, until: this.#now() + NAME_TTL_MS });
    return person;
  }

  /** Whether the channel is shared outside the organisation (conversations.info only); errors propagate. */
  async sharedOutside(channelKey: string): Promise<boolean> {
    const channelId = slackChannelOf(channelKey);
    return this.#ask("conversations.info", async () => isSharedOutside((await this.#client.conversations.info({ channel: channelId })).channel));
  }

  /**
   * Asked when an admin links a channel and by the periodic guest check; errors propagate (deciding
   * on a guess would be unsafe); the check stops at the first guest. `quick` (the slash command, which
   * must answer within Slack's 3 seconds): the first 200 members, looked up all at once. Otherwise all
   * members (paged), a few look-ups at a time; people seen within the hour come from the cache.
   * One conversations.info call also tells whether the bot is in the channel and whether it is a DM;
   * `quick` stops there when the channel cannot be linked (a DM, or the bot is not in it), and
   * `members: false` skips the member look-ups altogether (hasGuests then only follows sharing).
   */
  async reach(channelKey: string, options: ReachOptions = {}): Promise<ChannelReach> {
    const channelId = slackChannelOf(channelKey);
    return this.#ask(`conversations.info ${channelKey}`, () => this.#reach(channelId, options));
  }

  async #reach(channelId: string, options: ReachOptions): Promise<ChannelReach> {
    // A DM's id says so by itself (D…): no call needed (and conversations.info may not see it).
    if (channelId.startsWith("D")) return { externallyShared: false, hasGuests: false, isMember: true, isDirect: true };
    const { channel } = await this.#client.conversations.info({ channel: channelId });
    const facts = { isMember: channel?.is_member !== false, isDirect: Boolean(channel?.is_im || channel?.is_mpim) || channelId.startsWith("D") };
    if (isSharedOutside(channel)) return { externallyShared: true, hasGuests: true, ...facts };
    if (options.members === false || (options.quick && (facts.isDirect || !facts.isMember))) return { externallyShared: false, hasGuests: false, ...facts };
    let cursor: string | undefined;
    do {
      const limit = options.quick ? QUICK_MEMBERS : MEMBER_PAGE;
      const page = await this.#client.conversations.members({ channel: channelId, limit, ...(cursor ? { cursor } : {}) });
      const members = page.members ?? [];
      if (await this.#anyGuest(members, options.quick ? members.length : LOOKUP_CONCURRENCY)) return { externallyShared: false, hasGuests: true, ...facts };
      cursor = options.quick ? undefined : page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return { externallyShared: false, hasGuests: false, ...facts };
  }

  async #anyGuest(members: readonly string[], concurrency: number): Promise<boolean> {
    let next = 0;
    let found = false;
    let failed = false;
    const worker = async () => {
      try {
        while (!found && !failed && next < members.length) {
          const id = members[next++];
          if (id !== undefined && (await this.#lookup(id)).guest) found = true;
        }
      } catch (error) {
        failed = true; // the other workers stop too (a 429 means: stop asking)
        throw error;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, members.length) }, worker));
    return found;
  }
}
