/**
 * Retry delays for the outbox: exponential from 5 s, capped at 10 minutes, with jitter so that many
 * rows failing together (the chat API was down) do not all retry in the same second.
 */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 10 * 60_000;

/**
 * Delay before attempt `attempts + 1`, given `attempts` failures so far (1 = first failure).
 * "Equal jitter": half the exponential delay is fixed, half random, so a retry never comes sooner
 * than half the nominal delay. `random` returns [0, 1) (Math.random; tests pass a fixed one).
 */
export function backoffMs(attempts: number, random: () => number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 20); // 2^20 × 5 s is far past the cap
  const nominal = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/** A rate limit says how long to wait (Retry-After): honour it, never retry sooner than the backoff floor. */
export function retryDelayMs(attempts: number, random: () => number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return Math.min(Math.max(retryAfterMs, 1_000), BACKOFF_CAP_MS * 6);
  return backoffMs(attempts, random);
}
