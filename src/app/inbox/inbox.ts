/**
 * The durable inbox: nothing a platform delivered is lost once we acknowledged it.
 *
 * 1. receive(): before the adapter acknowledges an event, its payload is written (InboundEvent).
 *    Writes are group-committed: events arriving while a write is in flight go into the next one
 *    INSERT together, and each request is acknowledged when the write carrying it has committed.
 * 2. The event is processed as before (the use cases dedupe on the event id via ProcessedEvent).
 *    Afterwards processed() marks the row (also batched, off the acknowledgement path).
 * 3. replay(): rows that are still unprocessed — the process crashed or stopped after the ack, or
 *    processing failed — are handed to the adapter again, oldest first: on start and periodically.
 *    A replayed event that had in fact been processed (a crash between the use case's commit and the
 *    mark) is a no-op: the use case finds its ProcessedEvent row.
 * 4. prune(): rows older than 7 days go, processed or not.
 *
 * Why mark rows instead of replaying every row without a ProcessedEvent: many events end in "nothing
 * to do" (a reply in a thread that is no session) and leave no ProcessedEvent, so they would be
 * replayed on every pass for a week. One batched UPDATE per burst is cheaper than that.
 */
import type { Clock } from "../ports.ts";
import { GroupCommit } from "./groupCommit.ts";
import type { InboundEventDraft, InboundEventRecord, InboxStore } from "./ports.ts";

export const INBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** Replay passes stop after this many failures in a row (the platform or database is down, not one bad event). */
const MAX_CONSECUTIVE_FAILURES = 3;
const REPLAY_PAGE = 100;

export interface InboxOptions {
  store: InboxStore;
  clock: Clock;
  platform: string;
  log?: (message: string, error?: unknown) => void;
}

export interface ReplayResult {
  replayed: number;
  failed: number;
  /** The pass stopped early after repeated failures; the rest waits for the next pass. */
  stopped: boolean;
}

export class Inbox {
  readonly platform: string;
  readonly #store: InboxStore;
  readonly #clock: Clock;
  readonly #log: (message: string, error?: unknown) => void;
  /** Events received or being replayed by this process and not yet marked: a replay pass skips them. */
  readonly #inFlight = new Set<string>();
  readonly #writes: GroupCommit<InboundEventDraft>;
  readonly #marks: GroupCommit<string>;
  #replaying: Promise<ReplayResult> | undefined;
  #closed = false;

  constructor(options: InboxOptions) {
    this.platform = options.platform;
    this.#store = options.store;
    this.#clock = options.clock;
    this.#log = options.log ?? (() => {});
    this.#writes = new GroupCommit((rows) => this.#store.add(rows, this.#clock.now()));
    this.#marks = new GroupCommit((ids) => this.#store.markProcessed(this.platform, ids, this.#clock.now()));
  }

  /** Resolves once the event is durably stored (acknowledge only then); rejects when it could not be. */
  async receive(event: Omit<InboundEventDraft, "platform">): Promise<void> {
    this.#inFlight.add(event.eventId);
    try {
      await this.#writes.add({ ...event, platform: this.platform });
    } catch (error) {
      this.#inFlight.delete(event.eventId);
      throw error;
    }
  }

  /** Processing ended (whatever its outcome): the row is marked, batched, in the background. */
  processed(eventId: string): void {
    this.#marks.add(eventId).then(
      () => this.#inFlight.delete(eventId),
      (error: unknown) => {
        // Unmarked is safe: a later replay finds the event processed (ProcessedEvent) and does nothing.
        this.#inFlight.delete(eventId);
        this.#log("Inbox: markeren als verwerkt mislukt / marking processed failed", error);
      },
    );
  }

  /** Processing failed: the row stays unprocessed, and the next replay pass tries again. */
  failed(eventId: string): void {
    this.#inFlight.delete(eventId);
  }

  /** Events of this process still between receive() and their mark (for tests and logs). */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /**
   * Hands every unprocessed row received at least `olderThanMs` ago to `handle`, one at a time, oldest
   * first, and marks it when `handle` resolves. Rows this process is still working on are skipped.
   * One pass at a time: a call while a pass runs returns that pass.
   */
  replay(handle: (row: InboundEventRecord) => Promise<void>, options: { olderThanMs?: number } = {}): Promise<ReplayResult> {
    this.#replaying ??= this.#replay(handle, options.olderThanMs ?? 0).finally(() => {
      this.#replaying = undefined;
    });
    return this.#replaying;
  }

  async #replay(handle: (row: InboundEventRecord) => Promise<void>, olderThanMs: number): Promise<ReplayResult> {
    const result: ReplayResult = { replayed: 0, failed: 0, stopped: false };
    const receivedBefore = new Date(this.#clock.now().getTime() - olderThanMs);
    let afterId = 0;
    let failuresInARow = 0;
    for (;;) {
      const rows = await this.#store.unprocessed(this.platform, { receivedBefore, afterId, limit: REPLAY_PAGE });
      if (rows.length === 0) return result;
      for (const row of rows) {
        if (this.#closed) return { ...result, stopped: true };
        afterId = row.id;
        if (this.#inFlight.has(row.eventId)) continue;
        this.#inFlight.add(row.eventId);
        try {
          await handle(row);
        } catch (error) {
          this.#inFlight.delete(row.eventId);
          // Stopping (work dropped, database closing) is no failure of the event.
          if (this.#closed) return { ...result, stopped: true };
          result.failed++;
          const message = error instanceof Error ? error.message : String(error);
          this.#log(`Inbox: opnieuw verwerken van ${row.eventId} mislukt / replay failed (poging ${row.attempts + 1})`, error);
          await this.#store.recordFailure(this.platform, row.eventId, message).catch((e: unknown) => this.#log("Inbox: fout niet vastgelegd / could not record failure", e));
          if (++failuresInARow >= MAX_CONSECUTIVE_FAILURES) {
            result.stopped = true;
            return result;
          }
          continue;
        }
        failuresInARow = 0;
        result.replayed++;
        this.processed(row.eventId);
      }
    }
  }

  /** Deletes rows older than `maxAgeMs` (default 7 days); returns how many went. */
  prune(maxAgeMs: number = INBOX_RETENTION_MS): Promise<number> {
    return this.#store.prune(new Date(this.#clock.now().getTime() - maxAgeMs));
  }

  /** Replay passes stop at their next row (the process is stopping); receive() still works. */
  close(): void {
    this.#closed = true;
  }

  /** Waits until every write and mark started so far has finished. */
  async flush(): Promise<void> {
    await this.#writes.idle();
    await this.#marks.idle();
  }
}
