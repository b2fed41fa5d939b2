/**
 * What inbound activities taught us about conversations, kept in memory: the Bot Connector endpoint
 * (serviceUrl) of each tenant — only from activities whose token was valid, whose `serviceurl` claim
 * the SDK matched to the activity — and each conversation's type. After a restart, sends use
 * TEAMS_SERVICE_URL (Microsoft's global endpoint by default) until the tenant's next activity.
 */
export type ConversationType = "channel" | "groupChat" | "personal";

export class ConversationBook {
  readonly #serviceUrls = new Map<string, string>();
  readonly #types = new Map<string, ConversationType>();
  readonly #fallback: string;

  constructor(fallbackServiceUrl: string) {
    this.#fallback = fallbackServiceUrl;
  }

  learn(tenantId: string, serviceUrl: string, conversation?: { id: string; type?: ConversationType }): void {
    this.#serviceUrls.set(tenantId.toLowerCase(), serviceUrl);
    if (conversation?.type) this.#types.set(conversation.id, conversation.type);
  }

  serviceUrl(tenantId: string): string {
    return this.#serviceUrls.get(tenantId.toLowerCase()) ?? this.#fallback;
  }

  type(conversation: string): ConversationType | undefined {
    return this.#types.get(conversation);
  }
}
