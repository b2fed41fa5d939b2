/**
 * Group commit: items added while a write is in flight are written together by the next write, so a
 * burst of N items costs a handful of statements instead of N, and no item waits for a timer: the
 * first item of an idle writer is written at once. Each add() resolves (or rejects) with the write
 * that carried its item.
 */
interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommit<T> {
  readonly #write: (items: T[]) => Promise<void>;
  readonly #maxBatch: number;
  #waiting: Waiting<T>[] = [];
  #writing: Promise<void> | undefined;

  constructor(write: (items: T[]) => Promise<void>, options: { maxBatch?: number } = {}) {
    this.#write = write;
    this.#maxBatch = Math.max(1, options.maxBatch ?? 500);
  }

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#writing ??= this.#drain();
    });
  }

  /** Resolves when everything added so far has been written (or has failed). */
  async idle(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.#maxBatch);
        try {
          await this.#write(batch.map((w) => w.item));
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.#writing = undefined;
    }
  }
}
