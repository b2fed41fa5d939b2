/**
 * The dispatcher's view of the outbox: claim rows that are due, then record what the platform said.
 * Rows are written by the session use cases (SessionTx.enqueue) in their own transactions.
 */
import type { Disclosure } from "../../domain/disclosure.ts";
import type { NeutralMessage } from "../messages/message.ts";

/**
 * A message for guests that shows indicators: which ones, under which rules it was rendered (see
 * domain/disclosure.ts), and what it renders, so that it can be rendered again at send time.
 */
export interface GuestRender {
  din: string;
  shows: Disclosure[];
  source:
    | { kind: "session-root"; sessionId: number; rootKey: string }
    | { kind: "change-post"; changePostId: number }
    /** A weekly digest: not rendered again (it would cover another week); a stale one is withdrawn. */
    | { kind: "digest"; channel: string; week: string }
    | { kind: "breakdown"; changePostId: number; indicatorId: string };
}

export interface OutboxRow {
  id: number;
  key: string;
  channel: string;
  kind: "post" | "update" | "acknowledge";
  message?: NeutralMessage;
  /** post in a thread: the platform id of the thread root, resolved at claim time. */
  threadMessageId?: string;
  /** update: platform id of the message to replace; acknowledge: the user's message. */
  targetMessageId?: string;
  /** The row this one depends on (thread root, updated post) failed for good: this one cannot be sent. */
  orphaned: boolean;
  attempts: number;
  /** Set on messages for guests that show indicators. */
  guest?: GuestRender;
  /**
   * The DIN in force now lets guests see less of an indicator this message shows than when it was
   * rendered: the dispatcher renders it again (or withdraws it) instead of sending it as it is.
   */
  stale?: boolean;
}

/**
 * "Not before" of a row parked because its platform is not configured (DUIDBOT_WEB=off, no Slack
 * tokens): claimed once, then left alone instead of retried every 10 minutes until it is on again.
 */
export const PARKED_UNTIL = new Date("9999-01-01T00:00:00.000Z");

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
  superseded: number;
}

export interface ClaimOptions {
  limit: number;
  leaseMs: number;
  skipPlatforms: readonly string[];
  /** Claim only rows with these keys (still only when due, free and the head of their thread). */
  keys?: readonly string[];
}

export interface OutboxStore {
  /**
   * Leases up to `limit` due rows: per stream (thread) only the oldest unsent row, so replies never
   * overtake their root or each other. A row stays leased until `now + leaseMs`; an expired lease
   * (a crashed dispatcher) can be claimed again. Updates replaced by a newer update are marked
   * superseded instead of being returned. `keys`: only these rows (`duidbot digest --now` sends its
   * own row and leaves every other row to `serve`).
   */
  claimDue(now: Date, options: ClaimOptions): Promise<OutboxRow[]>;
  markSent(id: number, at: Date, platformMessageId?: string): Promise<void>;
  /** The platform took the post (id known) but the send goes on (uploads): stores the id, the row stays pending. */
  recordPlatformId(id: number, platformMessageId: string): Promise<void>;
  markRetry(id: number, nextAttemptAt: Date, error: string): Promise<void>;
  markFailed(id: number, at: Date, error: string): Promise<void>;
  /** Gives a claimed row back untried (platform paused; no adapter: until PARKED_UNTIL): not counted as an attempt. */
  release(id: number, notBefore: Date, reason: string): Promise<void>;
  /**
   * Rows parked for a platform that was not configured (released until PARKED_UNTIL) become due at
   * `now` again, for the given platforms (channel-key prefixes); returns how many.
   */
  unpark(platforms: readonly string[], now: Date): Promise<number>;
  counts(): Promise<OutboxCounts>;
}
