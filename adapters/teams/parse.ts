/**
 * Inbound Teams activities (already verified by the SDK) → what the handlers need, checked with zod.
 * Anything that does not fit is ignored, never guessed at. A message's thread comes from its
 * conversation id: "<channel>;messageid=<root>" with a root other than the message itself is a reply
 * in that thread; a top-level post carries its own id there. Texts arrive as Teams' HTML-ish markup:
 * the bot's own <at> mention is taken out, other mentions become "@Naam", tags go and entities are
 * decoded, so a contribution is stored as the person typed it.
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { baseConversation, channelKey, threadOf, userKey } from "./keys.ts";
import type { ConversationType } from "./conversations.ts";

const Account = z.object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() }).loose();

export const ActivitySchema = z
  .object({
    type: z.string(),
    id: z.string().optional(),
    name: z.string().optional(),
    text: z.string().optional(),
    timestamp: z.string().optional(),
    serviceUrl: z.string(),
    from: Account.optional(),
    recipient: Account.optional(),
    conversation: z.object({ id: z.string(), conversationType: z.string().optional(), tenantId: z.string().optional() }).loose(),
    channelData: z
      .object({
        tenant: z.object({ id: z.string() }).loose().optional(),
        team: z.object({ id: z.string() }).loose().optional(),
        eventType: z.string().optional(),
      })
      .loose()
      .optional(),
    entities: z.array(z.object({ type: z.string(), mentioned: Account.optional(), text: z.string().optional() }).loose()).optional(),
    value: z.unknown().optional(),
    membersAdded: z.array(Account).optional(),
  })
  .loose();
export type Activity = z.infer<typeof ActivitySchema>;

/** Where an activity happened, in our keys. */
export interface Place {
  tenantId: string;
  /** Our channel key (teams:<tenant>:<conversation>). */
  channel: string;
  /** The conversation without thread part. */
  conversation: string;
  conversationType: ConversationType;
  /** The thread root, when the activity is inside a thread it did not start. */
  threadId?: string;
  serviceUrl: string;
}

export interface Person {
  key: string;
  name: string;
  aadObjectId: string;
}

export function parseActivity(body: unknown): Activity | undefined {
  const parsed = ActivitySchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

export function placeOf(activity: Activity): Place | undefined {
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
  if (!tenantId) return undefined;
  const type = activity.conversation.conversationType;
  const conversationType: ConversationType = type === "personal" || type === "groupChat" ? type : "channel";
  const root = threadOf(activity.conversation.id);
  return {
    tenantId,
    channel: channelKey(tenantId, activity.conversation.id),
    conversation: baseConversation(activity.conversation.id),
    conversationType,
    ...(root && root !== activity.id ? { threadId: root } : {}),
    serviceUrl: activity.serviceUrl,
  };
}

export function personOf(activity: Activity): Person | undefined {
  const aad = activity.from?.aadObjectId;
  if (!aad) return undefined;
  return { key: userKey(aad), name: activity.from?.name?.trim() || aad, aadObjectId: aad };
}

/** Whether the bot itself is @mentioned. */
export function mentionsBot(activity: Activity): boolean {
  const bot = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === "mention" && e.mentioned?.id !== undefined && e.mentioned.id === bot);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text as typed: the bot's own mention removed (only where it leads, as an address), other
 * <at>Name</at> mentions as "@Name", paragraphs and line breaks kept, other tags dropped.
 */
export function plainText(activity: Activity): { text: string; addressedBot: boolean } {
  const raw = activity.text ?? "";
  const botNames = (activity.entities ?? []).filter((e) => e.type === "mention" && e.mentioned?.id === activity.recipient?.id).map((e) => e.text ?? "");
  let text = raw.replace(/<br\s*\/?>/gi, "\n").replace(/<\/p>\s*<p[^>]*>/gi, "\n");
  let addressedBot = false;
  for (const mention of botNames.filter(Boolean)) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith(mention) || trimmed.replace(/^<p[^>]*>/i, "").startsWith(mention)) {
      text = trimmed.replace(/^<p[^>]*>/i, "").slice(mention.length);
      addressedBot = true;
    }
  }
  text = text.replace(/<at[^>]*>(.*?)<\/at>/gi, (_m, name: string) => `@${name}`).replace(/<[^>]+>/g, "");
  return { text: decodeEntities(text).trim(), addressedBot: addressedBot || mentionsBot(activity) };
}

/** Events of the inbox and use cases are keyed per conversation: Teams message ids are timestamps, unique only within one. */
export function eventId(kind: string, activity: Activity, extra = ""): string {
  const id = activity.id ?? "";
  const suffix = extra ? `:${createHash("sha256").update(extra).digest("hex").slice(0, 16)}` : "";
  return `${kind}:${baseConversation(activity.conversation.id)}:${id}${suffix}`;
}

export function activityTime(activity: Activity, fallback: Date): Date {
  const at = activity.timestamp ? Date.parse(activity.timestamp) : Number.NaN;
  return Number.isNaN(at) ? fallback : new Date(at);
}
