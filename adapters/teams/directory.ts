/**
 * ChatDirectory for Teams, from what the Bot Connector's roster API says. A channel is shared outside
 * the organisation when a member belongs to another tenant (a shared channel across tenants); it has
 * guests when a member's `userRole` is "guest" (Entra B2B) — or when it is shared. Personal and group
 * chats are "direct": there is no channel to link. The roster answers only while the bot is installed
 * in the team, so a 403/404 means the bot is not there (NotFound).
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#fetch-the-roster-or-user-profile
 */
import type { ChannelReach, ChatDirectory, ReachOptions } from "../../src/app/channels/directory.ts";
import { ChatError } from "../../src/app/errors.ts";
import type { Connector, RosterEntry } from "./connector.ts";
import type { ConversationBook } from "./conversations.ts";
import { isChannelConversation, parseChannelKey, parseUserKey } from "./keys.ts";

export class TeamsDirectory implements ChatDirectory {
  readonly platform = "teams";
  readonly label = "Teams";
  readonly sharedVia = "gedeeld kanaal / shared channel";
  readonly #connector: Connector;
  readonly #book: ConversationBook;
  /** Where each person was last seen, so a guest check can ask that conversation's roster. */
  readonly #seen = new Map<string, { tenantId: string; conversation: string }>();

  constructor(connector: Connector, book: ConversationBook) {
    this.#connector = connector;
    this.#book = book;
  }

  /** An activity showed this person in this channel. */
  saw(aadObjectId: string, where: { tenantId: string; conversation: string }): void {
    this.#seen.set(aadObjectId.toLowerCase(), where);
  }

  async reach(channelKey: string, options: ReachOptions = {}): Promise<ChannelReach> {
    const { tenantId, conversation } = this.#parse(channelKey);
    const type = this.#book.type(conversation) ?? (isChannelConversation(conversation) ? "channel" : "groupChat");
    if (type !== "channel") return { externallyShared: false, hasGuests: false, isMember: true, isDirect: true };
    const members = await this.#roster(tenantId, conversation);
    const shared = members.some((m) => foreign(m, tenantId));
    // members: false — only sharing counts (a cheap look-up would skip the roster; Teams has one call for both).
    const guests = options.members === false ? shared : shared || members.some(isGuest);
    return { externallyShared: shared, hasGuests: guests, isMember: true, isDirect: false };
  }

  async sharedOutside(channelKey: string): Promise<boolean> {
    return (await this.reach(channelKey, { members: false })).externallyShared;
  }

  async isGuestNow(userKey: string): Promise<boolean> {
    const aad = parseUserKey(userKey)?.toLowerCase();
    const where = aad ? this.#seen.get(aad) : undefined;
    if (!aad || !where) return false;
    const member = (await this.#roster(where.tenantId, where.conversation)).find((m) => m.aadObjectId?.toLowerCase() === aad);
    return member !== undefined && (isGuest(member) || foreign(member, where.tenantId));
  }

  async #roster(tenantId: string, conversation: string): Promise<RosterEntry[]> {
    try {
      return await this.#connector.members(this.#book.serviceUrl(tenantId), conversation);
    } catch (error) {
      if (error instanceof ChatError && error.code === "Forbidden") throw new ChatError("NotFound", `Teams: bot not in ${conversation}`, { cause: error });
      throw error;
    }
  }

  #parse(key: string): { tenantId: string; conversation: string } {
    const parsed = parseChannelKey(key);
    if (!parsed) throw new ChatError("Invalid", `Not a Teams channel key: ${key}`);
    return parsed;
  }
}

function isGuest(member: RosterEntry): boolean {
  return member.userRole?.toLowerCase() === "guest";
}

function foreign(member: RosterEntry, tenantId: string): boolean {
  return member.tenantId !== undefined && member.tenantId.toLowerCase() !== tenantId.toLowerCase();
}
