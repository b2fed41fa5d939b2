/**
 * The durable inbox as an append-only journal file, for the embedded database (PGlite).
 *
 * Why not the InboundEvent table there: PGlite has ONE connection. While a thread reply's transaction
 * runs, the inbox INSERT of the next request waits for it, and the acknowledgement Slack is waiting
 * for waits with it (measured: ack p50 25 ms vs 10 ms without the write). A file of our own has no
 * such queue: a batch is ONE write() to a file opened with O_DSYNC (the write returns once the data
 * is on disk, ~0.4 ms on these disks), run on libuv's thread pool while the event loop goes on. PostgreSQL keeps the table (inboxStore.ts): its
 * inbox write has its own connection, and a container's disk may not outlive the process.
 *
 * The line format is journalLines.ts, the file I/O (durable appends, torn tails, atomic rewrite)
 * journalFile.ts. The whole state lives in memory too (a week of chat events is small); the file is
 * only read at open.
 *
 * Marks (`done`) are not worth a disk flush of their own: a lost mark only means a replay, which the
 * use case's ProcessedEvent makes a no-op. They are held in memory and ride along with the next batch's
 * write, or go out after MARK_DELAY_MS, or at close(). (Measured: a flushed write per mark took half
 * of the event loop's time in a burst of replies, and every event's ack queued behind those writes.)
 *
 * Crash safety: a batch is acknowledged only after its O_DSYNC write returned (journalFile.ts). prune()
 * rewrites the file with the live rows.
 *
 * One process per file: the file lives in the PGlite data folder, which dataDirLock.ts guards.
 */
import type { InboundEventDraft, InboundEventRecord, InboxCounts, InboxStore, ParkedEvent } from "../app/inbox/ports.ts";
import { JournalFile } from "./journalFile.ts";
import { addLine, applyFailure, applyUnpark, doneLine, failLine, rowKey, unparkLine, type Row, type Rows } from "./journalLines.ts";

export const JOURNAL_FILE = "duidbot-inbox.jsonl";
/** Marks wait at most this long for a batch to ride along with. */
const MARK_DELAY_MS = 1_000;
/** Rewrite at prune() when the file holds this many lines more than there are live rows. */
const COMPACT_AFTER_DEAD_LINES = 1_000;

/** Runs `run` after `delayMs` unless cancelled (setTimeout by default; tests pass one they fire themselves). */
export type Schedule = (run: () => void, delayMs: number) => () => void;

const realTimer: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs).unref();
  return () => clearTimeout(timer);
};

const record = (r: Row): InboundEventRecord => ({ id: r.id, platform: r.platform, eventId: r.eventId, type: r.type, payload: r.payload, receivedAt: r.receivedAt, attempts: r.attempts });

export class JournalInboxStore implements InboxStore {
  readonly file: string;
  readonly #rows: Rows;
  readonly #journal: JournalFile;
  readonly #log: (message: string) => void;
  readonly #schedule: Schedule;
  #nextId: number;
  /** Every file operation runs after the previous one (one writer, in order). */
  #tail: Promise<unknown> = Promise.resolve();
  /** Mark lines not yet in the file (see the header: they ride along with the next write). */
  #marks: string[] = [];
  #cancelMarkTimer: (() => void) | undefined;

  private constructor(journal: JournalFile, rows: Rows, nextId: number, log: (message: string) => void, schedule: Schedule) {
    this.file = journal.file;
    this.#journal = journal;
    this.#rows = rows;
    this.#nextId = nextId;
    this.#log = log;
    this.#schedule = schedule;
  }

  /** Opens (or creates) the journal, reading its state; a torn last line is cut off. */
  static async open(file: string, options: { log?: (message: string) => void; schedule?: Schedule } = {}): Promise<JournalInboxStore> {
    const log = options.log ?? (() => {});
    const rows: Rows = new Map();
    const { journal, maxId } = await JournalFile.open(file, rows, log);
    return new JournalInboxStore(journal, rows, maxId + 1, log, options.schedule ?? realTimer);
  }

  add(drafts: readonly InboundEventDraft[], receivedAt: Date): Promise<void> {
    return this.#exclusive(async () => {
      const fresh: Row[] = [];
      const seen = new Set<string>();
      for (const d of drafts) {
        const key = rowKey(d.platform, d.eventId);
        // As ON CONFLICT DO NOTHING: a redelivered event id (stored, or earlier in this batch) is skipped.
        if (this.#rows.has(key) || seen.has(key)) continue;
        seen.add(key);
        fresh.push({ id: this.#nextId + fresh.length, platform: d.platform, eventId: d.eventId, ...(d.teamId !== undefined ? { teamId: d.teamId } : {}), type: d.type, payload: d.payload, receivedAt, attempts: 0 });
      }
      if (fresh.length === 0) return;
      await this.#append(fresh.map(addLine));
      this.#nextId += fresh.length;
      for (const row of fresh) this.#rows.set(rowKey(row.platform, row.eventId), row);
    });
  }

  /** Marks in memory at once; the line reaches the file with the next batch, within MARK_DELAY_MS, or at close(). */
  async markProcessed(platform: string, eventIds: readonly string[], at: Date): Promise<void> {
    const rows = eventIds.map((id) => this.#rows.get(rowKey(platform, id))).filter((r): r is Row => r !== undefined && !r.processedAt);
    if (rows.length === 0) return;
    for (const row of rows) row.processedAt = at;
    this.#marks.push(doneLine(platform, rows.map((r) => r.eventId), at));
    this.#cancelMarkTimer ??= this.#schedule(
      () => void this.flushMarks().catch((error: unknown) => this.#log(`${this.file}: markeringen niet weggeschreven / marks not written: ${(error as Error).message}`)),
      MARK_DELAY_MS,
    );
  }

  /** Writes the marks still held in memory. */
  flushMarks(): Promise<void> {
    return this.#exclusive(() => this.#append([]));
  }

  // Reads need not wait for writes in flight: a row enters memory only once it is on disk.
  async unprocessed(platform: string, options: { receivedBefore: Date; afterId: number; limit: number; retried?: boolean }): Promise<InboundEventRecord[]> {
    const rows = [...this.#rows.values()]
      .filter((r) => r.platform === platform && !r.processedAt && !r.parkedAt && r.receivedAt <= options.receivedBefore && r.id > options.afterId)
      .filter((r) => options.retried === undefined || r.attempts > 0 === options.retried)
      .sort((a, b) => a.id - b.id)
      .slice(0, options.limit);
    return rows.map(record);
  }

  recordFailure(platform: string, eventId: string, error: string, parkAt?: Date): Promise<void> {
    return this.#exclusive(async () => {
      const row = this.#rows.get(rowKey(platform, eventId));
      if (!row) return;
      const message = error.slice(0, 1000);
      await this.#append([failLine(platform, eventId, message, parkAt)]);
      applyFailure(row, message, parkAt);
    });
  }

  async parked(platform?: string): Promise<ParkedEvent[]> {
    return [...this.#rows.values()]
      .filter((r): r is Row & { parkedAt: Date } => (platform === undefined || r.platform === platform) && !r.processedAt && r.parkedAt !== undefined)
      .sort((a, b) => a.id - b.id)
      .map((r) => ({ ...record(r), ...(r.teamId !== undefined ? { teamId: r.teamId } : {}), ...(r.lastError !== undefined ? { lastError: r.lastError } : {}), parkedAt: r.parkedAt }));
  }

  unpark(platform: string, eventIds?: readonly string[]): Promise<number> {
    return this.#exclusive(async () => {
      const ids = new Set(eventIds);
      const rows = (await this.parked(platform)).filter((r) => eventIds === undefined || ids.has(r.eventId));
      if (rows.length === 0) return 0;
      await this.#append([unparkLine(platform, rows.map((r) => r.eventId))]);
      for (const r of rows) applyUnpark(this.#rows.get(rowKey(platform, r.eventId)));
      return rows.length;
    });
  }

  async counts(platform?: string): Promise<InboxCounts> {
    const rows = [...this.#rows.values()].filter((r) => platform === undefined || r.platform === platform);
    return { stored: rows.length, unprocessed: rows.filter((r) => !r.processedAt).length };
  }

  /** Forgets rows received before `before` (parked ones before `parkedBefore`) and, when the file has grown well past the live rows, rewrites it. */
  prune(before: Date, parkedBefore: Date = before): Promise<number> {
    return this.#exclusive(async () => {
      const gone = (r: Row) => r.receivedAt < (r.parkedAt && !r.processedAt ? parkedBefore : before);
      const old = [...this.#rows].filter(([, r]) => gone(r));
      if (old.length === 0 && this.#journal.lines - this.#rows.size < COMPACT_AFTER_DEAD_LINES) return 0;
      const keep = [...this.#rows.values()].filter((r) => !gone(r)).sort((a, b) => a.id - b.id);
      // Pending marks are in the rows' state, which the new file carries.
      this.#marks = [];
      await this.#journal.rewrite(keep.map(addLine));
      for (const [key] of old) this.#rows.delete(key);
      return old.length;
    });
  }

  async close(): Promise<void> {
    await this.flushMarks().catch(() => {});
    this.#cancelMarkTimer?.();
    await this.#tail.catch(() => {});
    await this.#journal.close();
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#tail.catch(() => {}).then(() => {
      if (this.#journal.broken) throw this.#journal.broken;
      return work();
    });
    this.#tail = run;
    return run;
  }

  /** Appends whole lines, the pending marks first; on failure the marks are kept for the next write. */
  async #append(lines: string[]): Promise<void> {
    const marks = this.#marks;
    this.#marks = [];
    this.#cancelMarkTimer?.();
    this.#cancelMarkTimer = undefined;
    try {
      await this.#journal.append([...marks, ...lines]);
    } catch (error) {
      this.#marks = [...marks, ...this.#marks];
      throw error;
    }
  }
}
