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

export interface InboxCounts {
  /** Rows kept (processed or not, until pruned). */
  stored: number;
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
  /** Unprocessed rows received at or before `receivedBefore`, oldest first, with id > `afterId`. */
  unprocessed(platform: string, options: { receivedBefore: Date; afterId: number; limit: number }): Promise<InboundEventRecord[]>;
  /** A replay of this event failed: count it and keep the error (the row stays unprocessed). */
  recordFailure(platform: string, eventId: string, error: string): Promise<void>;
  /** Deletes rows received before `before` (processed or not); returns how many. */
  prune(before: Date): Promise<number>;
  /** How many rows are kept and how many wait for processing (all platforms, or one). */
  counts(platform?: string): Promise<InboxCounts>;
  /** Releases what the store holds of its own (a file); the database is closed elsewhere. */
  close(): Promise<void>;
}
