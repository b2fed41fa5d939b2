/**
 * What inbound activities taught us about conversations, kept in memory: the Bot Connector endpoint
 * (serviceUrl) of each tenant — only from activities whose token was valid, whose `serviceurl` claim
 * the SDK matched to the activity — and each conversation's type. A tenant's endpoint is also
 * written to the AdapterState table when it changes (`remember`) and read back at start (`restore`),
 * so after a restart proactive posts go to the regional endpoint at once; TEAMS_SERVICE_URL
 * (Microsoft's global endpoint by default) only serves tenants never heard from.
 */
export type ConversationType = "channel" | "groupChat" | "personal";

export class ConversationBook {
  readonly #serviceUrls = new Map<string, string>();
  readonly #types = new Map<string, ConversationType>();
  readonly #fallback: string;
  readonly #remember: ((tenantId: string, serviceUrl: string) => void) | undefined;

  constructor(fallbackServiceUrl: string, remember?: (tenantId: string, serviceUrl: string) => void) {
    this.#fallback = fallbackServiceUrl;
    this.#remember = remember;
  }

  /** Endpoints stored before a restart; one learnt since (newer) is kept. */
  restore(serviceUrls: ReadonlyMap<string, string>): void {
    for (const [tenantId, url] of serviceUrls) if (!this.#serviceUrls.has(tenantId.toLowerCase())) this.#serviceUrls.set(tenantId.toLowerCase(), url);
  }

  learn(tenantId: string, serviceUrl: string, conversation?: { id: string; type?: ConversationType }): void {
    const tenant = tenantId.toLowerCase();
    if (this.#serviceUrls.get(tenant) !== serviceUrl) {
      this.#serviceUrls.set(tenant, serviceUrl);
      this.#remember?.(tenant, serviceUrl);
    }
    if (conversation?.type) this.#types.set(conversation.id, conversation.type);
  }

  serviceUrl(tenantId: string): string {
    return this.#serviceUrls.get(tenantId.toLowerCase()) ?? this.#fallback;
  }

  type(conversation: string): ConversationType | undefined {
    return this.#types.get(conversation);
  }
}
