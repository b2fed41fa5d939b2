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
 * Format: one JSON object per line (zod-checked on reading). First line `{"op":"journal","version":1}`,
 * then `add` (an event, with its processing state when rewritten), `done` (events marked processed)
 * and `fail` (a replay failed) lines. The whole state lives in memory too (a week of chat events is
 * small); the file is only read at open.
 *
 * Marks (`done`) are not worth a disk flush of their own: a lost mark only means a replay, which the
 * use case's ProcessedEvent makes a no-op. They are held in memory and ride along with the next batch's
 * write, or go out after MARK_DELAY_MS, or at close(). (Measured: a flushed write per mark took half
 * of the event loop's time in a burst of replies, and every event's ack queued behind those writes.)
 *
 * Crash safety: a batch is acknowledged only after its O_DSYNC write returned. A crash mid-write leaves at most a torn
 * last line, which open() cuts off (those events were never acknowledged: Slack delivers them again).
 * A failed write truncates the file back to its last good length, so a half line never sits in front
 * of the next batch. prune() rewrites the file with the live rows (temp file, fsync, rename, fsync
 * of the folder): old and new are each complete at every moment.
 *
 * One process per file: the file lives in the PGlite data folder, which dataDirLock.ts guards.
 */
import { constants } from "node:fs";
import { mkdir, open, readFile, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { InboundEventDraft, InboundEventRecord, InboxCounts, InboxStore } from "../app/inbox/ports.ts";

export const JOURNAL_FILE = "duidbot-inbox.jsonl";
const VERSION = 1;
/** Marks wait at most this long for a batch to ride along with. */
const MARK_DELAY_MS = 1_000;
/** Appends are durable when write() returns (O_DSYNC: data, and the size, on disk). */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;
/** Rewrite at prune() when the file holds this many lines more than there are live rows. */
const COMPACT_AFTER_DEAD_LINES = 1_000;

const isoDate = z.iso.datetime().transform((s) => new Date(s));
const lineSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("journal"), version: z.number().int() }),
  z.object({
    op: z.literal("add"),
    id: z.number().int().positive(),
    platform: z.string().min(1),
    eventId: z.string().min(1),
    teamId: z.string().optional(),
    type: z.string(),
    payload: z.unknown(),
    receivedAt: isoDate,
    processedAt: isoDate.optional(),
    attempts: z.number().int().nonnegative().optional(),
    lastError: z.string().optional(),
  }),
  z.object({ op: z.literal("done"), platform: z.string(), eventIds: z.array(z.string()), at: isoDate }),
  z.object({ op: z.literal("fail"), platform: z.string(), eventId: z.string(), error: z.string() }),
]);
type Line = z.infer<typeof lineSchema>;

interface Row extends InboundEventRecord {
  teamId?: string;
  processedAt?: Date;
  lastError?: string;
}

const rowKey = (platform: string, eventId: string) => `${platform}\u0000${eventId}`;

function addLine(row: Row): string {
  return JSON.stringify({
    op: "add",
    id: row.id,
    platform: row.platform,
    eventId: row.eventId,
    ...(row.teamId !== undefined ? { teamId: row.teamId } : {}),
    type: row.type,
    payload: row.payload,
    receivedAt: row.receivedAt.toISOString(),
    ...(row.processedAt ? { processedAt: row.processedAt.toISOString() } : {}),
    ...(row.attempts > 0 ? { attempts: row.attempts } : {}),
    ...(row.lastError !== undefined ? { lastError: row.lastError } : {}),
  });
}

export class JournalInboxStore implements InboxStore {
  readonly file: string;
  readonly #rows = new Map<string, Row>();
  readonly #log: (message: string) => void;
  #handle: FileHandle;
  /** Bytes of complete lines in the file: a failed write is cut back to this. */
  #size: number;
  #lines: number;
  #nextId: number;
  /** Every file operation runs after the previous one (one writer, in order). */
  #tail: Promise<unknown> = Promise.resolve();
  /** A failed write could not be cut back: nothing more is written (and acknowledged) until a restart. */
  #broken: Error | undefined;
  /** Mark lines not yet in the file (see the header: they ride along with the next write). */
  #marks: string[] = [];
  #markTimer: NodeJS.Timeout | undefined;

  private constructor(file: string, handle: FileHandle, state: { size: number; lines: number; nextId: number }, log: (message: string) => void) {
    this.file = file;
    this.#handle = handle;
    this.#size = state.size;
    this.#lines = state.lines;
    this.#nextId = state.nextId;
    this.#log = log;
  }

  /** Opens (or creates) the journal, reading its state; a torn last line is cut off. */
  static async open(file: string, options: { log?: (message: string) => void } = {}): Promise<JournalInboxStore> {
    const log = options.log ?? (() => {});
    await mkdir(path.dirname(file), { recursive: true });
    let text = "";
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const rows = new Map<string, Row>();
    const complete = text.lastIndexOf("\n") + 1;
    if (complete < text.length) log(`${file}: onvolledige laatste regel weggelaten (crash tijdens schrijven) / torn last line dropped`);
    const lines = text.slice(0, complete).split("\n").slice(0, -1);
    let maxId = 0;
    lines.forEach((raw, index) => {
      const parsed = parseLine(raw);
      // A journal written by a newer duidbot is not guessed at: refuse, so nothing in it is lost.
      if (parsed.ok && parsed.line.op === "journal" && parsed.line.version !== VERSION) {
        throw new Error(`${file}:${index + 1}: journaalversie ${parsed.line.version} is onbekend (deze duidbot kent ${VERSION}) / unknown journal version`);
      }
      if (!parsed.ok) {
        log(`${file}:${index + 1}: regel overgeslagen, ${parsed.error} / line skipped`);
        return;
      }
      maxId = Math.max(maxId, applyLine(rows, parsed.line));
    });
    const fresh = complete === 0;
    const handle = await open(file, APPEND_FLAGS);
    try {
      // Cut a torn tail so the next batch starts on a line of its own.
      if (complete < Buffer.byteLength(text)) await handle.truncate(Buffer.byteLength(text.slice(0, complete)));
      let size = Buffer.byteLength(text.slice(0, complete));
      let count = lines.length;
      if (fresh) {
        const header = `${JSON.stringify({ op: "journal", version: VERSION })}\n`;
        await handle.write(header);
        await syncFolder(path.dirname(file));
        size = Buffer.byteLength(header);
        count = 1;
      }
      const store = new JournalInboxStore(file, handle, { size, lines: count, nextId: maxId + 1 }, log);
      for (const [key, row] of rows) store.#rows.set(key, row);
      return store;
    } catch (error) {
      await handle.close();
      throw error;
    }
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
    this.#marks.push(JSON.stringify({ op: "done", platform, eventIds: rows.map((r) => r.eventId), at: at.toISOString() }));
    this.#markTimer ??= setTimeout(() => void this.flushMarks().catch((error: unknown) => this.#log(`${this.file}: markeringen niet weggeschreven / marks not written: ${(error as Error).message}`)), MARK_DELAY_MS).unref();
  }

  /** Writes the marks still held in memory. */
  flushMarks(): Promise<void> {
    return this.#exclusive(() => this.#append([]));
  }

  // Reads need not wait for writes in flight: a row enters memory only once it is on disk.
  async unprocessed(platform: string, options: { receivedBefore: Date; afterId: number; limit: number }): Promise<InboundEventRecord[]> {
    const rows = [...this.#rows.values()]
      .filter((r) => r.platform === platform && !r.processedAt && r.receivedAt <= options.receivedBefore && r.id > options.afterId)
      .sort((a, b) => a.id - b.id)
      .slice(0, options.limit);
    return rows.map((r) => ({ id: r.id, platform: r.platform, eventId: r.eventId, type: r.type, payload: r.payload, receivedAt: r.receivedAt, attempts: r.attempts }));
  }

  recordFailure(platform: string, eventId: string, error: string): Promise<void> {
    return this.#exclusive(async () => {
      const row = this.#rows.get(rowKey(platform, eventId));
      if (!row) return;
      const message = error.slice(0, 1000);
      await this.#append([JSON.stringify({ op: "fail", platform, eventId, error: message })]);
      row.attempts++;
      row.lastError = message;
    });
  }

  async counts(platform?: string): Promise<InboxCounts> {
    const rows = [...this.#rows.values()].filter((r) => platform === undefined || r.platform === platform);
    return { stored: rows.length, unprocessed: rows.filter((r) => !r.processedAt).length };
  }

  /** Forgets rows received before `before` and, when the file has grown well past the live rows, rewrites it. */
  prune(before: Date): Promise<number> {
    return this.#exclusive(async () => {
      const old = [...this.#rows].filter(([, r]) => r.receivedAt < before);
      if (old.length === 0 && this.#lines - this.#rows.size < COMPACT_AFTER_DEAD_LINES) return 0;
      const keep = [...this.#rows.values()].filter((r) => r.receivedAt >= before).sort((a, b) => a.id - b.id);
      await this.#rewrite(keep);
      for (const [key] of old) this.#rows.delete(key);
      return old.length;
    });
  }

  async close(): Promise<void> {
    await this.flushMarks().catch(() => {});
    clearTimeout(this.#markTimer);
    await this.#tail.catch(() => {});
    await this.#handle.close();
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#tail.catch(() => {}).then(() => {
      if (this.#broken) throw this.#broken;
      return work();
    });
    this.#tail = run;
    return run;
  }

  /**
   * Appends whole lines, the pending marks first, and returns once they are on disk; on failure the file
   * is cut back to its last good length (and the marks are kept for the next write).
   */
  async #append(lines: string[]): Promise<void> {
    const marks = this.#marks;
    this.#marks = [];
    clearTimeout(this.#markTimer);
    this.#markTimer = undefined;
    const all = [...marks, ...lines];
    if (all.length === 0) return;
    const text = `${all.join("\n")}\n`;
    try {
      await this.#handle.write(text);
    } catch (error) {
      this.#marks = [...marks, ...this.#marks];
      try {
        await this.#handle.truncate(this.#size);
      } catch (cutError) {
        this.#broken = new Error(`${this.file}: niet meer schrijfbaar na een mislukte schrijfactie; herstart nodig / unwritable after a failed write, restart needed`, { cause: cutError });
        this.#log(this.#broken.message);
      }
      throw new Error(`${this.file}: inbox niet weggeschreven / inbox write failed: ${(error as Error).message}`, { cause: error });
    }
    this.#size += Buffer.byteLength(text);
    this.#lines += all.length;
  }

  /** Writes `rows` (state folded in) to a temp file, makes it durable, and renames it over the journal. */
  async #rewrite(rows: Row[]): Promise<void> {
    // Pending marks are in the rows' state, which the new file carries.
    this.#marks = [];
    const temp = `${this.file}.tmp`;
    const text = [JSON.stringify({ op: "journal", version: VERSION }), ...rows.map(addLine)].join("\n") + "\n";
    const out = await open(temp, "w");
    try {
      await out.write(text);
      await out.sync();
    } catch (error) {
      await out.close();
      await rm(temp, { force: true });
      throw error;
    }
    await out.close();
    await rename(temp, this.file);
    // Appends go to the new file from now on. Should that fail, appending to the old handle would write
    // into a file that no longer has a name (lost at restart): refuse writes instead.
    const previous = this.#handle;
    try {
      await syncFolder(path.dirname(this.file));
      this.#handle = await open(this.file, APPEND_FLAGS);
    } catch (error) {
      this.#broken = new Error(`${this.file}: na het herschrijven niet te openen; herstart nodig / not reopened after rewrite, restart needed`, { cause: error });
      this.#log(this.#broken.message);
      throw this.#broken;
    }
    await previous.close();
    this.#size = Buffer.byteLength(text);
    this.#lines = rows.length + 1;
  }
}

function parseLine(raw: string): { ok: true; line: Line } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: "geen JSON / not JSON" };
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "regel"}: ${i.message}`).join("; ") };
  return { ok: true, line: parsed.data };
}

/** Applies one journal line to the state; returns the id it used (0 when none). */
function applyLine(rows: Map<string, Row>, line: Line): number {
  switch (line.op) {
    case "journal":
      return 0;
    case "add": {
      const key = rowKey(line.platform, line.eventId);
      if (rows.has(key)) return line.id;
      rows.set(key, {
        id: line.id,
        platform: line.platform,
        eventId: line.eventId,
        ...(line.teamId !== undefined ? { teamId: line.teamId } : {}),
        type: line.type,
        payload: line.payload,
        receivedAt: line.receivedAt,
        attempts: line.attempts ?? 0,
        ...(line.processedAt ? { processedAt: line.processedAt } : {}),
        ...(line.lastError !== undefined ? { lastError: line.lastError } : {}),
      });
      return line.id;
    }
    case "done":
      for (const id of line.eventIds) {
        const row = rows.get(rowKey(line.platform, id));
        if (row) row.processedAt ??= line.at;
      }
      return 0;
    case "fail": {
      const row = rows.get(rowKey(line.platform, line.eventId));
      if (row) {
        row.attempts++;
        row.lastError = line.error;
      }
      return 0;
    }
  }
}

/** fsync of a folder: a created or renamed file's name is on disk too, not only its contents. */
async function syncFolder(folder: string): Promise<void> {
  const dir = await open(folder, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
