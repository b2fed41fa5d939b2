/**
 * Platform-neutral keys for Teams places and people. People are "teams:<aadObjectId>": the Entra
 * object id is stable and the same in every team, chat and tenant the bot meets (the Bot Framework
 * "29:…" ids differ per bot and are not what an admin can look up). Channels are
 * "teams:<tenantId>:<conversation id>", the conversation id without its ";messageid=…" thread part;
 * Teams conversation ids contain colons themselves ("19:…@thread.tacv2"), so only the first two
 * colons separate.
 */
export const PLATFORM = "teams";

/** "19:abc@thread.tacv2;messageid=123" → "19:abc@thread.tacv2". */
export function baseConversation(conversationId: string): string {
  return conversationId.split(";messageid=")[0] ?? conversationId;
}

/** The thread part of a conversation id ("…;messageid=123" → "123"), if any. */
export function threadOf(conversationId: string): string | undefined {
  return conversationId.split(";messageid=")[1];
}

export function channelKey(tenantId: string, conversationId: string): string {
  return `${PLATFORM}:${tenantId.toLowerCase()}:${baseConversation(conversationId)}`;
}

export function userKey(aadObjectId: string): string {
  return `${PLATFORM}:${aadObjectId.toLowerCase()}`;
}

export function parseChannelKey(key: string): { tenantId: string; conversation: string } | undefined {
  const match = /^teams:([^:]+):(.+)$/.exec(key);
  return match?.[1] && match[2] ? { tenantId: match[1], conversation: match[2] } : undefined;
}

export function parseUserKey(key: string): string | undefined {
  return /^teams:([0-9a-f-]{36})$/i.exec(key)?.[1];
}

/** A team channel (standard, private or shared) rather than a group chat ("@thread.v2") or a personal chat ("a:…"). */
export function isChannelConversation(conversationId: string): boolean {
  return /@thread\.(tacv2|skype)$/i.test(baseConversation(conversationId));
}

/** The conversation id that addresses a message in a thread: posts, replies and updates go there. */
export function threadConversation(conversation: string, rootId: string): string {
  return isChannelConversation(conversation) ? `${baseConversation(conversation)};messageid=${rootId}` : baseConversation(conversation);
}
