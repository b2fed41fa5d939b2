/**
 * Runs listener work (the use cases behind chat requests: Slack today, Teams and the web next) a few
 * at a time, yielding to the event loop between jobs. Why: the embedded database (PGlite + Prisma) runs a transaction as one long
 * chain of microtasks, so twenty concurrent transactions starve the HTTP server and every new
 * request's ack waits for all of them (measured: p50 0.77 s instead of 11 ms). One job at a time
 * with a macrotask yield in between keeps an ack's wait to at most one job.
 * Interactive work (slash commands, buttons, modals: a person waits, and trigger_ids expire after
 * 3 s) goes before background work (thread replies, edits, deletions).
 * Acknowledgements go before background work too: the receiver calls arrived() for every request,
 * and a background job starts only once no request has arrived for `quietMs`, or when the oldest
 * waiting job has waited `maxDelayMs` (so a steady stream of requests cannot starve the work). Why:
 * in a burst of replies every job competes with the acks for the one thread, and an ack that waits
 * makes Slack retry; the work itself is safe in the durable inbox and may wait a moment (measured: a
 * burst of 1,000 replies, ack p50 2.2× a bare Bolt app with interleaved work, 1.1× with this).
 * stop() drops the jobs still waiting (they reject with WorkQueueStopped) and waits for the running
 * ones: nothing is lost by not draining, because every event is in the durable inbox (inbox.ts) and
 * is replayed on the next start.
 */
export type Lane = "interactive" | "background";

interface Job {
  run(): Promise<void>;
  reject(error: unknown): void;
  /** When it was queued (the queue's own monotonic clock). */
  queuedAt: number;
}

export interface WorkQueueOptions {
  /** Jobs running at once (1 for embedded PGlite, a few for PostgreSQL). */
  concurrency?: number;
  /** Background work waits until no request has arrived for this long (0: it never waits). */
  quietMs?: number;
  /** ...but never longer than this after it was queued. */
  maxDelayMs?: number;
  /** Monotonic milliseconds (tests pass their own). */
  now?: () => number;
}

export class WorkQueueStopped extends Error {
  constructor() {
    super("werkrij gestopt / work queue stopped");
    this.name = "WorkQueueStopped";
  }
}

export class WorkQueue {
  readonly #concurrency: number;
  readonly #quietMs: number;
  readonly #maxDelayMs: number;
  readonly #now: () => number;
  #lastArrival = Number.NEGATIVE_INFINITY;
  #wake: NodeJS.Timeout | undefined;
  readonly #lanes: Record<Lane, Job[]> = { interactive: [], background: [] };
  #running = 0;
  #stopped = false;
  readonly #active = new Set<Promise<void>>();

  constructor(options: WorkQueueOptions = {}) {
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
    this.#quietMs = Math.max(0, options.quietMs ?? 0);
    this.#maxDelayMs = Math.max(0, options.maxDelayMs ?? 1_000);
    this.#now = options.now ?? (() => performance.now());
  }

  /** A platform request arrived: background work holds off for `quietMs`. */
  arrived(): void {
    if (this.#quietMs > 0) this.#lastArrival = this.#now();
  }

  /** Jobs waiting (not running), for tests and logs. */
  get waiting(): number {
    return this.#lanes.interactive.length + this.#lanes.background.length;
  }

  /** Queues `work`; resolves or rejects with its result when it has run. */
  run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
    if (this.#stopped) return Promise.reject(new WorkQueueStopped());
    return new Promise<T>((resolve, reject) => {
      this.#lanes[lane].push({ run: () => work().then(resolve, reject), reject, queuedAt: this.#now() });
      this.#pump();
    });
  }

  /** Runs nothing more: waiting jobs reject with WorkQueueStopped; resolves when the running jobs end. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#wake);
    for (const job of this.#lanes.interactive.splice(0).concat(this.#lanes.background.splice(0))) job.reject(new WorkQueueStopped());
    await Promise.all([...this.#active]);
  }

  #pump(): void {
    while (!this.#stopped && this.#running < this.#concurrency) {
      const job = this.#lanes.interactive.shift() ?? this.#nextBackground();
      if (!job) return;
      this.#running++;
      const active: Promise<void> = job
        .run()
        // A macrotask between jobs: pending HTTP requests are read and acked here.
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .finally(() => {
          this.#running--;
          this.#active.delete(active);
          this.#pump();
        });
      this.#active.add(active);
    }
  }

  /** The oldest background job if it may start now; otherwise a timer pumps again when it may. */
  #nextBackground(): Job | undefined {
    const oldest = this.#lanes.background[0];
    if (!oldest) return undefined;
    const now = this.#now();
    const quietIn = this.#lastArrival + this.#quietMs - now;
    const overdueIn = oldest.queuedAt + this.#maxDelayMs - now;
    if (quietIn <= 0 || overdueIn <= 0) return this.#lanes.background.shift();
    this.#wake ??= setTimeout(() => {
      this.#wake = undefined;
      this.#pump();
    }, Math.ceil(Math.min(quietIn, overdueIn)));
    return undefined;
  }
}
