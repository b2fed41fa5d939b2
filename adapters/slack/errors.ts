/**
 * The one translator from @slack/web-api errors to ChatError. The outbox decides from the code:
 * RateLimited (429, with Retry-After) and Unavailable (5xx, network) are retried later; the others
 * are final. The WebClient runs with retries off, so every failure reaches this function once.
 * @see https://docs.slack.dev/tools/node-slack-sdk/web-api#handle-errors
 */
import { webApi } from "@slack/bolt";
import { ChatError, type ErrorCode } from "../../src/app/errors.ts";

/** Slack platform errors (`ok: false`, HTTP 200) by what they mean for a retry. */
const PLATFORM_ERRORS: Record<string, ErrorCode> = {
  channel_not_found: "NotFound",
  message_not_found: "NotFound",
  thread_not_found: "NotFound",
  user_not_found: "NotFound",
  file_not_found: "NotFound",
  not_in_channel: "Forbidden",
  is_archived: "Forbidden",
  restricted_action: "Forbidden",
  cant_update_message: "Forbidden",
  missing_scope: "Forbidden",
  not_authed: "Forbidden",
  invalid_auth: "Forbidden",
  account_inactive: "Forbidden",
  token_revoked: "Forbidden",
  ekm_access_denied: "Forbidden",
  ratelimited: "RateLimited",
  fatal_error: "Unavailable",
  internal_error: "Unavailable",
  service_unavailable: "Unavailable",
  request_timeout: "Unavailable",
};

export function toChatError(error: unknown, what: string): ChatError {
  if (error instanceof ChatError) return error;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new ChatError("RateLimited", `${what}: Slack rate limit, retry after ${error.retryAfter}s`, {
      cause: error,
      retryAfterMs: error.retryAfter * 1000,
    });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const code: ErrorCode = error.statusCode >= 500 || error.statusCode === 408 ? "Unavailable" : error.statusCode === 404 ? "NotFound" : "Invalid";
    return new ChatError(code, `${what}: Slack answered HTTP ${error.statusCode}`, { cause: error });
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new ChatError("Unavailable", `${what}: Slack not reachable (${error.original.message})`, { cause: error });
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const slackError = error.data.error;
    return new ChatError(PLATFORM_ERRORS[slackError] ?? "Invalid", `${what}: Slack error ${slackError}`, { cause: error });
  }
  // Anything else (e.g. the upload step's plain Error on a non-200 upload) is treated as passing.
  return new ChatError("Unavailable", `${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** The Slack error string of a platform error, for the few that mean "already done". */
export function platformError(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}
