/**
 * Cached look-ups of Slack facts the handlers need: a person's display name (users.info) and
 * whether a channel reaches outside the organisation (conversations.info / conversations.members).
 * Names are cached for an hour so a busy thread costs one users.info per person, not per reply;
 * a failed look-up falls back to the user id rather than losing the reply.
 * @see https://docs.slack.dev/reference/methods/users.info
 * @see https://docs.slack.dev/reference/methods/conversations.info
 */
import type { webApi } from "@slack/bolt";

export interface SlackPerson {
  id: string;
  name: string;
  /** Multi- or single-channel guest (is_restricted / is_ultra_restricted). */
  guest: boolean;
}

export interface ChannelReach {
  /** Slack Connect: shared with another organisation. */
  externallyShared: boolean;
  /** Guests among the (first 200) members. */
  hasGuests: boolean;
}

const NAME_TTL_MS = 60 * 60 * 1000;
/** One page of members is enough to see whether guests are present in a leerkring-sized channel. */
const MEMBER_PAGE = 200;

export class SlackDirectory {
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

  async #lookup(userId: string): Promise<SlackPerson> {
    const cached = this.#people.get(userId);
    if (cached && cached.until > this.#now()) return cached.person;
    const { user } = await this.#client.users.info({ user: userId });
    const person: SlackPerson = {
      id: userId,
      name: user?.profile?.display_name || user?.real_name || user?.name || userId,
      guest: Boolean(user?.is_restricted || user?.is_ultra_restricted),
    };
    this.#people.set(userId, { person, until: this.#now() + NAME_TTL_MS });
    return person;
  }

  /** Asked when an admin links a channel; errors propagate (linking on a guess would be unsafe). */
  async reach(channelId: string): Promise<ChannelReach> {
    const { channel } = await this.#client.conversations.info({ channel: channelId });
    const externallyShared = Boolean(channel?.is_ext_shared || channel?.is_pending_ext_shared);
    if (externallyShared) return { externallyShared, hasGuests: true };
    const { members = [] } = await this.#client.conversations.members({ channel: channelId, limit: MEMBER_PAGE });
    const people = await Promise.all(members.map((id) => this.#lookup(id)));
    return { externallyShared, hasGuests: people.some((p) => p.guest) };
  }
}
