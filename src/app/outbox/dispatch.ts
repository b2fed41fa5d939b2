/**
 * The outbox dispatcher: sends what the use cases wrote to the outbox, through the ChatPort of each
 * row's platform, and records the result. Guarantees:
 * - Order: per thread (stream) strictly in write order; a reply is sent only after its root has a
 *   platform id, which is filled into `target.thread` at send time.
 * - Retries: RateLimited and Unavailable retry with exponential backoff (5 s → 10 min, jitter), a
 *   rate limit's Retry-After is honoured, and the platform is paused meanwhile so the other rows of
 *   that platform do not hammer it. RateLimited/Unavailable never give up: if the chat API is down
 *   for an hour, everything is sent afterwards. Invalid/NotFound/Forbidden fail the row for good (and
 *   the rows that depend on it); errors that are no ChatError fail after 12 attempts.
 * - Not configured: a row for a platform without a ChatPort (DUIDBOT_WEB=off, no Slack tokens) is parked
 *   once with one log line per platform, and made due again when a dispatcher has that platform.
 * - Guests: a guest message rendered under an older DIN version that lets guests see more than the
 *   one in force now (OutboxRow.stale) is rendered again just before sending, or withdrawn.
 * - Once: a row is marked sent (with its platform message id) in one UPDATE right after the platform
 *   confirms. The one window that cannot be closed: a crash between the platform's success and that
 *   UPDATE. The row's lease then expires and it is sent again (at-least-once in that window only).
 *   It is kept as small as possible: no other work happens between send and mark, and leases are
 *   long (2 min) so a slow send is never claimed twice by another dispatcher.
 */
import { ChatError } from "../errors.ts";
import type { ChatPort } from "../chat.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { Clock } from "../ports.ts";
import { platformOf } from "../sessions/types.ts";
import { retryDelayMs } from "./backoff.ts";
import { PARKED_UNTIL, type OutboxRow, type OutboxStore } from "./ports.ts";

export interface DispatcherDeps {
  outbox: OutboxStore;
  /** ChatPort per platform prefix ("slack", "teams", "memory"); adapters may add theirs later. */
  chats: ReadonlyMap<string, ChatPort>;
  clock: Clock;
  /**
   * Renders a stale guest message (OutboxRow.stale) again for the DIN in force now; undefined: it is
   * withdrawn. Without it, stale guest messages are withdrawn: never sent as they are.
   */
  rerender?: (row: OutboxRow) => Promise<NeutralMessage | undefined>;
  /** [0, 1); for jitter. */
  random?: () => number;
  log?: (line: string) => void;
  /**
   * A post's platform id was stored (early, before its uploads, or with the row marked sent): replies
   * in its thread can be recognised now. The composition root wakes the inboxes' deferred events.
   */
  posted?: (channel: string) => void;
}

export interface DispatchOptions {
  batchSize?: number;
  leaseMs?: number;
  /** Claim rounds per pass; one row per thread per round, so a long thread needs several. */
  maxRounds?: number;
  /**
   * Send only the rows with these keys (`duidbot digest --now`: its own row, while every other row,
   * and every platform this process has no client for, stays with `serve`). Rows of other platforms
   * are then never claimed, so never parked here.
   */
  onlyKeys?: readonly string[];
}

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
}

export interface Dispatcher {
  /** One pass: sends everything that is due now (tests call this; the loop calls it every interval). */
  dispatchOnce(): Promise<DispatchReport>;
  /** Loops until stopped; `tick` runs before each pass (e.g. advanceDueSessions). */
  run(options: { intervalMs: number; tick?: () => Promise<void> }): { stop(): Promise<void>; kick(): void };
}

/** Why a stale guest message that could not be rendered again was not sent. */
const WITHDRAWN = "ingetrokken: de DIN laat gasten hier nu minder van zien / withdrawn: the DIN in force now shows guests less of it";

const DEFAULTS = { batchSize: 20, leaseMs: 120_000, maxRounds: 200 } as const;

/**
 * An error that is no ChatError (an adapter did not translate it, or a renderer bug) is retried,
 * but not forever: a row that can never be sent would block its thread. 12 attempts ≈ 1.5 hours.
 */
const UNKNOWN_ERROR_MAX_ATTEMPTS = 12;

export function createDispatcher(deps: DispatcherDeps, options: DispatchOptions = {}): Dispatcher {
  const { batchSize, leaseMs, maxRounds } = { ...DEFAULTS, ...options };
  const only = options.onlyKeys ? { keys: options.onlyKeys } : {};
  const random = deps.random ?? Math.random;
  const log = deps.log ?? (() => {});
  /** Platforms whose parking was logged: one line each, not one per row. */
  const parkedLogged = new Set<string>();
  /** Platform → time before which nothing is sent to it (after a rate limit or outage). */
  const pausedUntil = new Map<string, number>();

  const paused = (now: Date) => [...pausedUntil].filter(([, until]) => until > now.getTime()).map(([p]) => p);

  async function sendRow(row: OutboxRow, chat: ChatPort): Promise<string | undefined> {
    if (row.kind === "acknowledge") {
      if (row.targetMessageId === undefined) throw new ChatError("Invalid", "acknowledge without message id");
      await chat.acknowledge({ channel: row.channel, messageId: row.targetMessageId });
      return undefined;
    }
    if (!row.message) throw new ChatError("Invalid", `${row.kind} without message`);
    const message: NeutralMessage = {
      ...row.message,
      target: { channel: row.channel, ...(row.threadMessageId !== undefined ? { thread: row.threadMessageId } : {}) },
    };
    if (row.kind === "update") {
      if (row.targetMessageId === undefined) throw new ChatError("Invalid", "update without message id");
      await chat.update(row.targetMessageId, message);
      return undefined;
    }
    return (await chat.post(message, { posted: (messageId) => storeEarly(row, messageId) })).messageId;
  }

  /** The id as soon as the platform has the post (see PostHooks); a failure here only delays recognition until markSent. */
  async function storeEarly(row: OutboxRow, messageId: string): Promise<void> {
    try {
      await deps.outbox.recordPlatformId(row.id, messageId);
      deps.posted?.(row.channel);
    } catch (error) {
      log(`outbox: ${row.key} platform id not stored early: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function handle(row: OutboxRow, report: DispatchReport): Promise<void> {
    const platform = platformOf(row.channel);
    const now = deps.clock.now();
    if (row.orphaned) {
      await deps.outbox.markFailed(row.id, now, "the message it depends on (thread root or updated post) could not be sent");
      report.failed++;
      return;
    }
    const chat = deps.chats.get(platform);
    if (!chat) {
      // Not configured (DUIDBOT_WEB=off, no Slack tokens): parked once, not retried every 10 minutes;
      // the row (and its thread behind it) goes out when a dispatcher with that platform starts.
      await deps.outbox.release(row.id, PARKED_UNTIL, `parked: no chat adapter for platform "${platform}" (not configured)`);
      if (!parkedLogged.has(platform)) {
        parkedLogged.add(platform);
        log(`outbox: berichten voor "${platform}" geparkeerd: dat platform staat niet aan (bijv. DUIDBOT_WEB=off); ze gaan weg zodra het weer aan staat / messages for "${platform}" parked: that platform is not configured; they are sent once it is`);
      }
      report.retried++;
      return;
    }
    if ((pausedUntil.get(platform) ?? 0) > now.getTime()) {
      await deps.outbox.release(row.id, new Date(pausedUntil.get(platform) ?? now.getTime()), "platform paused after a failure");
      report.retried++;
      return;
    }
    let toSend = row;
    if (row.stale) {
      const message = deps.rerender ? await deps.rerender(row) : undefined;
      if (!message) {
        // Like the rows of a channel that became gast (restrictToGuests): failed with the reason, and
        // the replies in its thread after it (orphaned).
        await deps.outbox.markFailed(row.id, now, WITHDRAWN);
        log(`outbox: ${row.key} withdrawn: ${WITHDRAWN}`);
        report.failed++;
        return;
      }
      toSend = { ...row, message };
    }
    let platformMessageId: string | undefined;
    try {
      platformMessageId = await sendRow(toSend, chat);
    } catch (error) {
      await recordFailure(row, platform, error, report);
      return;
    }
    // Nothing between the platform's success and this write: see the header on the one crash window.
    await deps.outbox.markSent(row.id, deps.clock.now(), platformMessageId);
    report.sent++;
    if (platformMessageId !== undefined) deps.posted?.(row.channel);
  }

  async function recordFailure(row: OutboxRow, platform: string, error: unknown, report: DispatchReport): Promise<void> {
    const now = deps.clock.now();
    const chatError = error instanceof ChatError ? error : undefined;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // Unknown errors are treated as passing, up to a limit; ChatError says itself whether it passes.
    const permanent = chatError ? !chatError.retryable : row.attempts + 1 >= UNKNOWN_ERROR_MAX_ATTEMPTS;
    if (permanent) {
      await deps.outbox.markFailed(row.id, now, text);
      log(`outbox: ${row.key} failed for good: ${text}`);
      report.failed++;
      return;
    }
    const delay = retryDelayMs(row.attempts + 1, random, chatError?.retryAfterMs);
    const next = new Date(now.getTime() + delay);
    pausedUntil.set(platform, Math.max(pausedUntil.get(platform) ?? 0, next.getTime()));
    await deps.outbox.markRetry(row.id, next, text);
    log(`outbox: ${row.key} retry in ${Math.round(delay / 1000)} s: ${text}`);
    report.retried++;
  }

  /** Platforms whose parked rows were made due again (see unparkConfigured). */
  let unparkedFor: string | undefined;

  /** Rows parked while a platform was off go out once it is configured (adapters register late, so checked per pass). */
  async function unparkConfigured(now: Date): Promise<void> {
    const platforms = [...deps.chats.keys()].sort();
    if (platforms.join(",") === unparkedFor) return;
    unparkedFor = platforms.join(",");
    const count = await deps.outbox.unpark(platforms, now);
    if (count > 0) log(`outbox: ${count} geparkeerde bericht(en) gaan weer weg / ${count} parked message(s) due again (${platforms.join(", ")})`);
  }

  async function dispatchOnce(): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, retried: 0, failed: 0 };
    await unparkConfigured(deps.clock.now());
    for (let round = 0; round < maxRounds; round++) {
      const now = deps.clock.now();
      const rows = await deps.outbox.claimDue(now, { limit: batchSize, leaseMs, skipPlatforms: paused(now), ...only });
      if (rows.length === 0) break;
      for (const row of rows) await handle(row, report);
    }
    return report;
  }

  function run(options: { intervalMs: number; tick?: () => Promise<void> }) {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wake: (() => void) | undefined;
    const loop = (async () => {
      while (!stopped) {
        try {
          if (options.tick) await options.tick();
          await dispatchOnce();
        } catch (error) {
          // The database may be briefly unreachable: log and try again next interval.
          log(`outbox: pass failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (stopped) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, options.intervalMs);
        });
      }
    })();
    return {
      kick: () => {
        if (timer) clearTimeout(timer);
        wake?.();
      },
      stop: async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        wake?.();
        await loop;
      },
    };
  }

  return { dispatchOnce, run };
}

/** One pass with a fresh dispatcher (no remembered platform pauses); for tests and one-off CLI runs. */
export function dispatchOnce(deps: DispatcherDeps, options?: DispatchOptions): Promise<DispatchReport> {
  return createDispatcher(deps, options).dispatchOnce();
}
