/**
 * The small set of failures that cross layers. Adapters translate SDK errors into ChatError;
 * the outbox dispatcher decides from `code` whether to retry.
 */
export type ErrorCode = "Invalid" | "NotFound" | "Forbidden" | "RateLimited" | "Unavailable";

export class ChatError extends Error {
  readonly code: ErrorCode;
  /** For RateLimited: how long the platform asked us to wait (Retry-After). */
  readonly retryAfterMs: number | undefined;
  constructor(code: ErrorCode, message: string, options: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = "ChatError";
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** RateLimited and Unavailable are passing conditions: the outbox tries again later. */
  get retryable(): boolean {
    return this.code === "RateLimited" || this.code === "Unavailable";
  }
}
