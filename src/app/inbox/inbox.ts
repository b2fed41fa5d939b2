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
 *    mark) is a no-op: the use case finds its ProcessedEvent row. Rows that never failed go first, then
 *    those that failed before, so a bad event never holds up good ones; a row whose replay failed
 *    MAX_REPLAY_ATTEMPTS times is parked (logged, listed by `duidbot inbox geparkeerd`, not replayed).
 * 4. deferred(): a use case may answer "not yet" (a reply to a root still being sent): the row stays
 *    unprocessed, is no failure, and is retried when wake() says something changed (deferral.ts).
 * 5. prune(): rows older than 7 days go, processed or not; parked rows after 30 days.
 *
 * Why mark rows instead of replaying every row without a ProcessedEvent: many events end in "nothing
 * to do" (a reply in a thread that is no session) and leave no ProcessedEvent, so they would be
 * replayed on every pass for a week. One batched UPDATE per burst is cheaper than that.
 */
import type { Clock } from "../ports.ts";
import { Deferrals, isDeferred, type DeferredEvent } from "./deferral.ts";
import { GroupCommit } from "./groupCommit.ts";
import type { InboundEventDraft, InboundEventRecord, InboxStore } from "./ports.ts";

export const INBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** Parked rows are kept this long, for inspection and a retry once the cause is fixed. */
export const PARKED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** A row whose replay failed this many times is parked (about as many minutes of replay passes). */
export const MAX_REPLAY_ATTEMPTS = 5;
/** Replay passes stop after this many failures in a row (the platform or database is down, not one bad event). */
const MAX_CONSECUTIVE_FAILURES = 3;
const REPLAY_PAGE = 100;

export interface InboxOptions {
  store: InboxStore;
  clock: Clock;
  platform: string;
  log?: (message: string, error?: unknown) => void;
  /** Runs a deferred event again when wake() is called (the adapter's replay); without it they wait for replay(). */
  retry?: (event: DeferredEvent) => Promise<void>;
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
  readonly #deferrals: Deferrals;
  #replaying: Promise<ReplayResult> | undefined;
  #closed = false;

  constructor(options: InboxOptions) {
    this.platform = options.platform;
    this.#store = options.store;
    this.#clock = options.clock;
    this.#log = options.log ?? (() => {});
    this.#writes = new GroupCommit((rows) => this.#store.add(rows, this.#clock.now()));
    this.#marks = new GroupCommit((ids) => this.#store.markProcessed(this.platform, ids, this.#clock.now()));
    const retry = options.retry;
    this.#deferrals = new Deferrals(async (events) => {
      for (const event of events) {
        if (this.#closed) return;
        if (!retry) this.#deferrals.defer(event, this.#deferrals.wakes);
        else if (!this.#inFlight.has(event.eventId)) {
          // A failure leaves the row unprocessed: the next replay pass counts it.
          await this.#run(event, retry).catch((error: unknown) => this.#log(`Inbox: ${event.eventId} na wachten niet verwerkt / deferred retry failed`, error));
        }
      }
    });
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

  /** Wakes so far: note it before processing an event, pass it to deferred(). */
  get wakes(): number {
    return this.#deferrals.wakes;
  }

  /** The use case deferred the event (EventDeferred): it stays unprocessed, and is retried at the next wake(). */
  deferred(event: DeferredEvent, wakesBefore: number): void {
    this.#inFlight.delete(event.eventId);
    this.#deferrals.defer(event, wakesBefore);
  }

  /** Something changed that may let deferred events through (a thread root's platform id was stored). */
  wake(): void {
    this.#deferrals.wake();
  }

  /** Deferred events waiting for a wake (for tests and logs). */
  get waitingForWake(): number {
    return this.#deferrals.size;
  }

  /**
   * Runs one event through `handle`: marked when it resolves, deferred when the use case said "not yet"
   * (resolves then too), else it rejects with the error (the row stays unprocessed).
   */
  async #run(event: DeferredEvent, handle: (event: DeferredEvent) => Promise<void>): Promise<"done" | "deferred"> {
    this.#deferrals.forget(event.eventId);
    this.#inFlight.add(event.eventId);
    const wakes = this.#deferrals.wakes;
    try {
      await handle(event);
    } catch (error) {
      if (isDeferred(error)) {
        this.deferred(event, wakes);
        return "deferred";
      }
      this.#inFlight.delete(event.eventId);
      throw error;
    }
    this.processed(event.eventId);
    return "done";
  }

  /** Events of this process still between receive() and their mark (for tests and logs). */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /**
   * Hands every unprocessed, unparked row received at least `olderThanMs` ago to `handle`, one at a
   * time: first the rows that never failed, then the others, each oldest first; marks a row when
   * `handle` resolves. Rows this process is still working on are skipped.
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
    const failuresInARow = { count: 0 };
    // A row that failed in the first sweep is one of the "retried" ones by the second: once per pass.
    const tried = new Set<string>();
    for (const retried of [false, true]) {
      let afterId = 0;
      for (;;) {
        const rows = await this.#store.unprocessed(this.platform, { receivedBefore, afterId, limit: REPLAY_PAGE, retried });
        if (rows.length === 0) break;
        for (const row of rows) {
          if (this.#closed) return { ...result, stopped: true };
          afterId = row.id;
          if (this.#inFlight.has(row.eventId) || tried.has(row.eventId)) continue;
          tried.add(row.eventId);
          const outcome = await this.#replayRow(row, handle, result, failuresInARow);
          if (outcome === "stop") return { ...result, stopped: true };
        }
      }
    }
    return result;
  }

  async #replayRow(row: InboundEventRecord, handle: (row: InboundEventRecord) => Promise<void>, result: ReplayResult, failuresInARow: { count: number }): Promise<"next" | "stop"> {
    try {
      if ((await this.#run(row, () => handle(row))) === "done") result.replayed++;
      failuresInARow.count = 0;
      return "next";
    } catch (error) {
      // Stopping (work dropped, database closing) is no failure of the event.
      if (this.#closed) return "stop";
      result.failed++;
      const attempt = row.attempts + 1;
      const park = attempt >= MAX_REPLAY_ATTEMPTS;
      this.#log(`Inbox: opnieuw verwerken van ${row.eventId} mislukt / replay failed (poging ${attempt} van ${MAX_REPLAY_ATTEMPTS})`, error);
      const message = error instanceof Error ? error.message : String(error);
      await this.#store.recordFailure(this.platform, row.eventId, message, park ? this.#clock.now() : undefined).then(
        () => park && this.#log(`Inbox: ${row.eventId} geparkeerd na ${attempt} mislukte pogingen; bekijk met \`duidbot inbox geparkeerd\` / parked`),
        (e: unknown) => this.#log("Inbox: fout niet vastgelegd / could not record failure", e),
      );
      // Several failures in a row: the platform or database is down, not one bad event.
      return ++failuresInARow.count >= MAX_CONSECUTIVE_FAILURES ? "stop" : "next";
    }
  }

  /** Deletes rows older than `maxAgeMs` (default 7 days), parked ones after 30 days; returns how many went. */
  prune(maxAgeMs: number = INBOX_RETENTION_MS): Promise<number> {
    const now = this.#clock.now().getTime();
    return this.#store.prune(new Date(now - maxAgeMs), new Date(now - Math.max(maxAgeMs, PARKED_RETENTION_MS)));
  }

  /** Replay passes stop at their next row (the process is stopping); receive() still works. */
  close(): void {
    this.#closed = true;
  }

  /** Waits until every write and mark started so far has finished. */
  async flush(): Promise<void> {
    await this.#deferrals.idle();
    await this.#writes.idle();
    await this.#marks.idle();
  }
}
