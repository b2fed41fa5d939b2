/**
 * Port of the durable inbox (see inbox.ts): platform events are written here before they are
 * acknowledged, marked processed after their use case ran, replayed while unprocessed, pruned
 * when old. Two implementations: src/store/inboxStore.ts (the InboundEvent table, PostgreSQL) and
 * src/store/journalInboxStore.ts (an append-only file beside the embedded PGlite database).
 */

/** An event as it arrived, to be written before the platform gets its acknowledgement. */
export interface InboundEventDraft {
  /** "slack". */
  platform: string;
  /** The platform's event id (Slack event_id); unique per platform. */
  eventId: string;
  teamId?: string;
  type: string;
  /** The request body as received (plain JSON data). */
  payload: unknown;
}

export interface InboundEventRecord {
  id: number;
  platform: string;
  eventId: string;
  type: string;
  payload: unknown;
  receivedAt: Date;
  attempts: number;
}

/** An event whose replays kept failing: no longer replayed until `duidbot inbox opnieuw` (unpark). */
export interface ParkedEvent extends InboundEventRecord {
  teamId?: string;
  lastError?: string;
  parkedAt: Date;
}

export interface InboxCounts {
  /** Rows kept (processed or not, until pruned). */
  stored: number;
  /** Parked rows included (see ParkedEvent). */
  unprocessed: number;
}

export interface InboxStore {
  /**
   * Writes all rows in ONE statement (INSERT … ON CONFLICT DO NOTHING: an event id that is there
   * already is skipped, not an error) and resolves once it is committed.
   */
  add(rows: readonly InboundEventDraft[], receivedAt: Date): Promise<void>;
  /** Marks these events processed (one statement). */
  markProcessed(platform: string, eventIds: readonly string[], at: Date): Promise<void>;
  /**
   * Unprocessed rows that are not parked, received at or before `receivedBefore`, oldest first, with
   * id > `afterId`. `retried`: only rows whose replay never failed (false) or failed before (true).
   */
  unprocessed(platform: string, options: { receivedBefore: Date; afterId: number; limit: number; retried?: boolean }): Promise<InboundEventRecord[]>;
  /**
   * A replay of this event failed: count it and keep the error (the row stays unprocessed). With
   * `parkAt` the row is parked too: no longer replayed, listed by parked().
   */
  recordFailure(platform: string, eventId: string, error: string, parkAt?: Date): Promise<void>;
  /** Parked rows, oldest first (all platforms, or one). */
  parked(platform?: string): Promise<ParkedEvent[]>;
  /** Parked rows (these event ids, or all of the platform) get a fresh round of attempts; returns how many. */
  unpark(platform: string, eventIds?: readonly string[]): Promise<number>;
  /**
   * Deletes rows received before `before` (processed or not), parked rows only when received before
   * `parkedBefore` (default `before`): they stay for inspection longer. Returns how many went.
   */
  prune(before: Date, parkedBefore?: Date): Promise<number>;
  /** How many rows are kept and how many wait for processing (all platforms, or one). */
  counts(platform?: string): Promise<InboxCounts>;
  /** Releases what the store holds of its own (a file); the database is closed elsewhere. */
  close(): Promise<void>;
}
