/**
 * Runs listener work (the use cases behind Slack requests) a few at a time, yielding to the event
 * loop between jobs. Why: the embedded database (PGlite + Prisma) runs a transaction as one long
 * chain of microtasks, so twenty concurrent transactions starve the HTTP server and every new
 * request's ack waits for all of them (measured: p50 0.77 s instead of 11 ms). One job at a time
 * with a macrotask yield in between keeps an ack's wait to at most one job.
 * Interactive work (slash commands, buttons, modals: a person waits, and trigger_ids expire after
 * 3 s) goes before background work (thread replies, edits, deletions).
 * stop() drops the jobs still waiting (they reject with WorkQueueStopped) and waits for the running
 * ones: nothing is lost by not draining, because every event is in the durable inbox (inbox.ts) and
 * is replayed on the next start.
 */
export type Lane = "interactive" | "background";

interface Job {
  run(): Promise<void>;
  reject(error: unknown): void;
}

export class WorkQueueStopped extends Error {
  constructor() {
    super("werkrij gestopt / work queue stopped");
    this.name = "WorkQueueStopped";
  }
}

export class WorkQueue {
  readonly #concurrency: number;
  readonly #lanes: Record<Lane, Job[]> = { interactive: [], background: [] };
  #running = 0;
  #stopped = false;
  readonly #active = new Set<Promise<void>>();

  constructor(concurrency = 1) {
    this.#concurrency = Math.max(1, concurrency);
  }

  /** Jobs waiting (not running), for tests and logs. */
  get waiting(): number {
    return this.#lanes.interactive.length + this.#lanes.background.length;
  }

  /** Queues `work`; resolves or rejects with its result when it has run. */
  run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
    if (this.#stopped) return Promise.reject(new WorkQueueStopped());
    return new Promise<T>((resolve, reject) => {
      this.#lanes[lane].push({ run: () => work().then(resolve, reject), reject });
      this.#pump();
    });
  }

  /** Runs nothing more: waiting jobs reject with WorkQueueStopped; resolves when the running jobs end. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const job of this.#lanes.interactive.splice(0).concat(this.#lanes.background.splice(0))) job.reject(new WorkQueueStopped());
    await Promise.all([...this.#active]);
  }

  #pump(): void {
    while (!this.#stopped && this.#running < this.#concurrency) {
      const job = this.#lanes.interactive.shift() ?? this.#lanes.background.shift();
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
}
