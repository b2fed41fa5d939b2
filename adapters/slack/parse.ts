/**
 * zod schemas for the parts of Slack payloads the handlers use, turned into plain inputs with
 * neutral keys. Runs after verify.ts accepted the signature; an unexpected shape yields undefined
 * (the handler acks and ignores it) instead of a crash deep in a use case.
 * @see https://docs.slack.dev/reference/events/message
 * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 * @see https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */
import { z } from "zod";
import { storableText } from "../../src/domain/storableText.ts";
import { channelKey } from "./keys.ts";

/** Slack timestamps ("1712345678.000200") are seconds since the epoch. */
export function tsToDate(ts: string): Date {
  return new Date(Math.round(Number(ts) * 1000));
}

const Envelope = z.object({ team_id: z.string(), event_id: z.string() });

/** What a person typed: without NUL and lone surrogates, which the database refuses (storableText.ts). */
const PersonText = z.string().default("").transform(storableText);

/** A person's plain message; bots, joins and other subtypes have a subtype and are not contributions. */
const UserMessage = z.object({
  type: z.literal("message"),
  subtype: z.enum(["thread_broadcast", "file_share"]).optional(),
  channel: z.string(),
  user: z.string(),
  text: PersonText,
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.undefined().optional(),
});

const MessageChanged = z.object({
  type: z.literal("message"),
  subtype: z.literal("message_changed"),
  channel: z.string(),
  // Our own status updates arrive as message_changed too (with bot_id): they are not contributions.
  message: z.object({ ts: z.string(), text: PersonText, user: z.string(), thread_ts: z.string().optional(), bot_id: z.undefined().optional() }),
  event_ts: z.string(),
});

const MessageDeleted = z.object({
  type: z.literal("message"),
  subtype: z.literal("message_deleted"),
  channel: z.string(),
  deleted_ts: z.string(),
  event_ts: z.string(),
  previous_message: z.object({ bot_id: z.undefined().optional(), thread_ts: z.string().optional() }).optional(),
});

const AppMention = z.object({
  type: z.literal("app_mention"),
  channel: z.string(),
  user: z.string(),
  text: PersonText,
  ts: z.string(),
  thread_ts: z.string().optional(),
});

export interface ThreadMessage {
  eventId: string;
  channel: string;
  /** Slack user id (U…). */
  userId: string;
  /** Thread root ts; undefined for a top-level message. */
  threadId?: string;
  messageId: string;
  text: string;
  at: Date;
}

export type MessageEvent =
  | ({ kind: "posted" } & ThreadMessage)
  | { kind: "edited"; eventId: string; channel: string; messageId: string; threadId?: string; text: string; at: Date }
  | { kind: "deleted"; eventId: string; channel: string; messageId: string; threadId?: string; at: Date };

/**
 * Slack's message text as the person typed it: Slack escapes &, < and > as entities and writes links,
 * channels and mentions in angle brackets. Contributions are stored (and later shown in modals, the
 * CLI, reports and other platforms) as plain text, so the boundary converts: entities back, "<url|label>"
 * to "label (url)", "<url>" to the url, "<#C…|naam>" to "#naam", "<!here>" to "@here". User mentions
 * "<@U…>" stay (names are looked up by the caller: `userIdsIn`).
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<(?!@)([^<>|]+)(?:\|([^<>]*))?>/g, (_all, target: string, label: string | undefined) => {
      if (target.startsWith("#")) return label ? `#${label}` : target;
      if (target.startsWith("!")) return `@${(label ?? target.slice(1)).replace(/^subteam\^\w+$/, "groep")}`;
      return label && label !== target ? `${label} (${target})` : target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Slack user ids mentioned as "<@U…>" in a text, each once. */
export function userIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!))];
}

/**
 * `installTeam`: the workspace the app is installed in (Bolt's context.teamId, from auth.test). Channel
 * keys are made with it, not with the payload's team: in a Slack Connect channel owned by the other
 * organisation the envelope's team_id is theirs, and a button click carries the clicker's team (or the
 * Enterprise Grid org), while duidbot.yaml and /duiding koppel know the channel under our workspace.
 * @see https://github.com/slackapi/bolt-js/issues/687
 */
export function parseMessageEvent(body: unknown, event: unknown, installTeam?: string): MessageEvent | undefined {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return undefined;
  const { event_id: eventId } = envelope.data;
  const team = installTeam ?? envelope.data.team_id;
  const changed = MessageChanged.safeParse(event);
  if (changed.success) {
    const e = changed.data;
    const thread = e.message.thread_ts && e.message.thread_ts !== e.message.ts ? { threadId: e.message.thread_ts } : {};
    return { kind: "edited", eventId, channel: channelKey(team, e.channel), messageId: e.message.ts, ...thread, text: slackTextToPlain(e.message.text), at: tsToDate(e.event_ts) };
  }
  const deleted = MessageDeleted.safeParse(event);
  if (deleted.success) {
    const e = deleted.data;
    const threadTs = e.previous_message?.thread_ts;
    const thread = threadTs && threadTs !== e.deleted_ts ? { threadId: threadTs } : {};
    return { kind: "deleted", eventId, channel: channelKey(team, e.channel), messageId: e.deleted_ts, ...thread, at: tsToDate(e.event_ts) };
  }
  const posted = UserMessage.safeParse(event);
  if (!posted.success) return undefined;
  const e = posted.data;
  return {
    kind: "posted",
    eventId,
    channel: channelKey(team, e.channel),
    userId: e.user,
    ...(e.thread_ts && e.thread_ts !== e.ts ? { threadId: e.thread_ts } : {}),
    messageId: e.ts,
    text: slackTextToPlain(e.text),
    at: tsToDate(e.ts),
  };
}

export interface Mention {
  eventId: string;
  channel: string;
  slackChannel: string;
  userId: string;
  threadId?: string;
  /** The text without the leading "<@UBOT>" mention(s). */
  text: string;
}

export function parseMention(body: unknown, event: unknown, installTeam?: string): Mention | undefined {
  const envelope = Envelope.safeParse(body);
  const mention = AppMention.safeParse(event);
  if (!envelope.success || !mention.success) return undefined;
  const e = mention.data;
  return {
    eventId: envelope.data.event_id,
    channel: channelKey(installTeam ?? envelope.data.team_id, e.channel),
    slackChannel: e.channel,
    userId: e.user,
    ...(e.thread_ts ? { threadId: e.thread_ts } : {}),
    text: e.text.replace(/<@[A-Z0-9]+>/g, "").trim(),
  };
}

const SlashCommand = z.object({
  team_id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  text: PersonText,
  trigger_id: z.string(),
});

export interface Command {
  channel: string;
  userId: string;
  /** What was typed after the command ("start jeugdhulp"); the chat core reads the words. */
  text: string;
  triggerId: string;
}

export function parseCommand(body: unknown, installTeam?: string): Command | undefined {
  const parsed = SlashCommand.safeParse(body);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    channel: channelKey(installTeam ?? c.team_id, c.channel_id),
    userId: c.user_id,
    text: c.text.trim(),
    triggerId: c.trigger_id,
  };
}

const BlockAction = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ message_ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  trigger_id: z.string(),
  // A button hands back `value`; a menu (static_select, a long choice) the chosen option's.
  actions: z.array(z.object({ action_id: z.string(), value: z.string().default(""), selected_option: z.object({ value: z.string() }).nullable().optional() })).min(1),
});

export interface ButtonClick {
  /** The neutral action id ("session.next"), without the `#n` suffix of repeated buttons. */
  actionId: string;
  value: string;
  channel?: string;
  slackChannel?: string;
  userId: string;
  /** ts of the message that holds the button, and of its thread root (when it is in a thread). */
  messageId?: string;
  threadId?: string;
  triggerId: string;
}

export function parseButtonClick(body: unknown, installTeam?: string): ButtonClick | undefined {
  const parsed = BlockAction.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const action = b.actions[0]!;
  const team = installTeam ?? b.team?.id ?? b.user.team_id;
  const threadId = b.message?.thread_ts ?? b.container?.thread_ts;
  const messageId = b.message?.ts ?? b.container?.message_ts;
  return {
    actionId: action.action_id.replace(/#\d+$/, ""),
    value: action.selected_option?.value ?? action.value,
    ...(team && b.channel ? { channel: channelKey(team, b.channel.id), slackChannel: b.channel.id } : {}),
    userId: b.user.id,
    ...(messageId ? { messageId } : {}),
    ...(threadId ? { threadId } : {}),
    triggerId: b.trigger_id,
  };
}

const InputValue = z.object({
  type: z.string(),
  value: z.string().nullable().optional(),
  selected_option: z.object({ value: z.string() }).nullable().optional(),
  selected_date: z.string().nullable().optional(),
});

const ViewSubmission = z.object({
  user: z.object({ id: z.string() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string(),
  view: z.object({
    id: z.string(),
    callback_id: z.string(),
    private_metadata: z.string().default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), InputValue)) }),
  }),
});

export interface FormSubmission {
  formId: string;
  /** The view's private_metadata (see handlers/formMeta.ts). */
  state: string;
  userId: string;
  /** Unique per submission (a view resubmitted after errors keeps its view id but gets a new trigger). */
  triggerId: string;
  /** Field id → submitted value (text, selected option value or YYYY-MM-DD); undefined when left empty. */
  values: Record<string, string | undefined>;
}

export function parseFormSubmission(body: unknown): FormSubmission | undefined {
  const parsed = ViewSubmission.safeParse(body);
  if (!parsed.success) return undefined;
  const { view, user, trigger_id: triggerId } = parsed.data;
  const values: Record<string, string | undefined> = {};
  for (const [blockId, inputs] of Object.entries(view.state.values)) {
    const input = Object.values(inputs)[0];
    const value = input?.value ?? input?.selected_option?.value ?? input?.selected_date ?? undefined;
    values[blockId] = value === null || value === undefined || value.trim() === "" ? undefined : storableText(value);
  }
  return { formId: view.callback_id, state: view.private_metadata, userId: user.id, triggerId, values };
}
