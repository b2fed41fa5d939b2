/**
 * The Bot Connector calls Duidbot makes, over the Teams SDK's API client (its token provider signs
 * them: Entra ID, or TEAMS_DEV_TOKEN for an emulator), and the one translator from its errors to
 * ChatError. The SDK's HTTP client does not retry: a 429 or 5xx surfaces at once as a retryable
 * ChatError and the outbox, which survives restarts, decides when to try again (Retry-After kept).
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
import type { Client as ApiClient } from "@microsoft/teams.api";
import { ChatError, type ErrorCode } from "../../src/app/errors.ts";

/** What Duidbot sends: a message activity with one Adaptive Card or a line of Markdown. */
export interface OutgoingActivity {
  type: "message";
  text?: string;
  summary?: string;
  textFormat?: "markdown";
  attachments?: { contentType: string; content: unknown }[];
}

export interface RosterEntry {
  aadObjectId?: string;
  name?: string;
  tenantId?: string;
  userRole?: string;
}

export interface Connector {
  /** A new thread in a channel: POST /v3/conversations. Returns the root activity's id. */
  createThread(serviceUrl: string, channel: { conversation: string; tenantId: string }, activity: OutgoingActivity): Promise<string>;
  /** POST /v3/conversations/{id}/activities. */
  send(serviceUrl: string, conversationId: string, activity: OutgoingActivity): Promise<string>;
  /** PUT /v3/conversations/{id}/activities/{activityId}. */
  update(serviceUrl: string, conversationId: string, activityId: string, activity: OutgoingActivity): Promise<void>;
  /** GET /v3/conversations/{id}/members. */
  members(serviceUrl: string, conversationId: string): Promise<RosterEntry[]>;
}

/** The SDK's client, cloned per serviceUrl (regional endpoints differ per tenant). */
export function sdkConnector(api: ApiClient): Connector {
  const at = (serviceUrl: string) => api.clone({ serviceUrl: serviceUrl.replace(/\/$/, "") }).conversations;
  return {
    async createThread(serviceUrl, channel, activity) {
      const created = await call("conversations.create", () =>
        at(serviceUrl).create({
          isGroup: true,
          tenantId: channel.tenantId,
          channelData: { channel: { id: channel.conversation }, tenant: { id: channel.tenantId } },
          activity: activity as never,
        }),
      );
      const id = created.activityId ?? created.id.split(";messageid=")[1];
      if (!id) throw new ChatError("Invalid", "conversations.create: Teams returned no activity id");
      return id;
    },
    async send(serviceUrl, conversationId, activity) {
      const sent = await call("activities.create", () => at(serviceUrl).createActivity(conversationId, activity as never));
      if (!sent.id) throw new ChatError("Invalid", "activities.create: Teams returned no id");
      return sent.id;
    },
    async update(serviceUrl, conversationId, activityId, activity) {
      await call("activities.update", () => at(serviceUrl).updateActivity(conversationId, activityId, activity as never));
    },
    async members(serviceUrl, conversationId) {
      const members = await call("conversations.members", () => at(serviceUrl).getMembers(conversationId));
      return members.map((m) => ({ ...m, ...(typeof m.userRole === "string" ? { userRole: m.userRole } : {}) }));
    },
  };
}

interface HttpFailure {
  status?: number;
  response?: { status?: number; headers?: Record<string, unknown> };
  code?: string;
  message?: string;
}

export function toChatError(error: unknown, what: string): ChatError {
  if (error instanceof ChatError) return error;
  const failure = (typeof error === "object" && error !== null ? error : {}) as HttpFailure;
  const status = failure.response?.status ?? failure.status;
  if (status === undefined) {
    return new ChatError("Unavailable", `${what}: Teams niet bereikbaar / not reachable (${failure.code ?? failure.message ?? String(error)})`, { cause: error });
  }
  if (status === 429) {
    const retryAfterMs = retryAfter(failure.response?.headers?.["retry-after"]);
    return new ChatError("RateLimited", `${what}: Teams throttled (429)${retryAfterMs !== undefined ? `, retry after ${retryAfterMs / 1000}s` : ""}`, {
      cause: error,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  const code: ErrorCode = status >= 500 || status === 408 ? "Unavailable" : status === 404 ? "NotFound" : status === 401 || status === 403 ? "Forbidden" : "Invalid";
  return new ChatError(code, `${what}: Teams answered HTTP ${status}`, { cause: error });
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfter(header: unknown): number | undefined {
  if (typeof header !== "string" && typeof header !== "number") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(String(header));
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toChatError(error, what);
  }
}
