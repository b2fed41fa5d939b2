/**
 * ChatPort over the Bot Connector. Only the outbox dispatcher calls it, so every send is durable and
 * retried there (see connector.ts). A message without a thread in a channel starts a new
 * conversation (POST /v3/conversations: the thread root); a message in a thread is posted to
 * "<channel>;messageid=<root>"; an update replaces the activity in place (PUT). Teams bots cannot add
 * reactions, so acknowledge() does nothing: the status card the use case updates in the same step
 * (with the reply counted) is the acknowledgement.
 * @see https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
import type { ChatPort } from "../../src/app/chat.ts";
import { ChatError } from "../../src/app/errors.ts";
import type { NeutralMessage } from "../../src/app/messages/message.ts";
import type { Connector, OutgoingActivity } from "./connector.ts";
import type { ConversationBook } from "./conversations.ts";
import { isChannelConversation, parseChannelKey, PLATFORM, threadConversation } from "./keys.ts";
import { renderCard, type ChartUrl } from "./render/card.ts";

export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export function cardActivity(message: NeutralMessage, chartUrl?: ChartUrl): OutgoingActivity {
  return { type: "message", summary: message.summary.slice(0, 250), attachments: [{ contentType: CARD_CONTENT_TYPE, content: renderCard(message, chartUrl) }] };
}

export class TeamsChat implements ChatPort {
  readonly platform = PLATFORM;
  readonly #connector: Connector;
  readonly #book: ConversationBook;
  readonly #chartUrl: ChartUrl | undefined;

  constructor(options: { connector: Connector; book: ConversationBook; chartUrl?: ChartUrl }) {
    this.#connector = options.connector;
    this.#book = options.book;
    this.#chartUrl = options.chartUrl;
  }

  async post(message: NeutralMessage): Promise<{ messageId: string }> {
    const { tenantId, conversation } = channelOf(message.target.channel);
    const serviceUrl = this.#book.serviceUrl(tenantId);
    const activity = cardActivity(message, this.#chartUrl);
    if (message.target.thread) {
      return { messageId: await this.#connector.send(serviceUrl, threadConversation(conversation, message.target.thread), activity) };
    }
    // Group and personal chats have no threads: the message simply goes into the chat.
    if (!isChannelConversation(conversation)) return { messageId: await this.#connector.send(serviceUrl, conversation, activity) };
    return { messageId: await this.#connector.createThread(serviceUrl, { conversation, tenantId }, activity) };
  }

  async update(messageId: string, message: NeutralMessage): Promise<void> {
    const { tenantId, conversation } = channelOf(message.target.channel);
    // A root is addressed as its own thread; a reply through the thread it is in.
    const where = threadConversation(conversation, message.target.thread ?? messageId);
    await this.#connector.update(this.#book.serviceUrl(tenantId), where, messageId, cardActivity(message, this.#chartUrl));
  }

  async acknowledge(): Promise<void> {
    // Teams bots cannot react to a message; the in-place status update counts the reply instead.
  }
}

function channelOf(key: string): { tenantId: string; conversation: string } {
  const parsed = parseChannelKey(key);
  if (!parsed) throw new ChatError("Invalid", `Not a Teams channel key: ${key}`);
  return parsed;
}
