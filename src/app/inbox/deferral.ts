/**
 * Deferred events: an event whose use case said "not yet" (a reply in a thread whose root is still
 * being sent, see recordContribution) stays unprocessed in the inbox, is not a failure, and is tried
 * again as soon as something that could change the answer happened (wake(): a root's platform id was
 * stored), not only at the next replay pass.
 *
 * Race: a wake can come while the event's use case is still running, after its lookup. Every event
 * therefore notes the wake count before it runs (`wakes`); if a wake came meanwhile, defer() retries
 * it at once.
 */

/** Thrown by a platform handler when the use case deferred the event (it stays in the inbox). */
export class EventDeferred extends Error {
  constructor(eventId: string) {
    super(`event ${eventId} uitgesteld: draad nog onbekend / deferred: thread not known yet`);
    this.name = "EventDeferred";
  }
}

/** True for EventDeferred, also when a framework wrapped it (Bolt: `original`, `originals`; `cause`). */
export function isDeferred(error: unknown): boolean {
  if (error instanceof EventDeferred) return true;
  if (typeof error !== "object" || error === null) return false;
  const e = error as { original?: unknown; originals?: unknown; cause?: unknown };
  if (Array.isArray(e.originals) && e.originals.length > 0) return e.originals.every(isDeferred);
  return (e.original !== undefined && isDeferred(e.original)) || (e.cause !== undefined && isDeferred(e.cause));
}

export interface DeferredEvent {
  eventId: string;
  payload: unknown;
}

export class Deferrals {
  readonly #waiting = new Map<string, DeferredEvent>();
  readonly #retry: (events: DeferredEvent[]) => Promise<void>;
  #wakes = 0;
  #running: Promise<void> | undefined;
  #again = false;

  /** `retry` runs the events again; it calls defer() for those still deferred. */
  constructor(retry: (events: DeferredEvent[]) => Promise<void>) {
    this.#retry = retry;
  }

  /** Wakes so far: note it before running an event, pass it to defer(). */
  get wakes(): number {
    return this.#wakes;
  }

  get size(): number {
    return this.#waiting.size;
  }

  defer(event: DeferredEvent, wakesBefore: number): void {
    this.#waiting.set(event.eventId, event);
    if (wakesBefore !== this.#wakes) this.#schedule();
  }

  /** The event is being handled elsewhere (a replay pass): no retry of it from here. */
  forget(eventId: string): void {
    this.#waiting.delete(eventId);
  }

  /** Something changed that may let deferred events through: retry them now. */
  wake(): void {
    this.#wakes++;
    if (this.#waiting.size > 0) this.#schedule();
  }

  /** Resolves when no retry is running (tests). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #schedule(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#again = false;
    this.#running = this.#runOnce().finally(() => {
      this.#running = undefined;
      if (this.#again && this.#waiting.size > 0) this.#schedule();
    });
  }

  async #runOnce(): Promise<void> {
    // A macrotask first: the waker (the dispatcher) finishes its step before the retries run.
    await new Promise((resolve) => setImmediate(resolve));
    const events = [...this.#waiting.values()];
    this.#waiting.clear();
    await this.#retry(events);
  }
}
