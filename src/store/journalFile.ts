/**
 * The file side of the inbox journal (journalInboxStore.ts has the why): reading it at open, durable
 * appends of whole lines, and the atomic rewrite at prune. The line format is journalLines.ts.
 *
 * Crash safety: an append returns only after its O_DSYNC write returned. A crash mid-write leaves at
 * most a torn last line, which open() cuts off (those events were never acknowledged: the platform
 * delivers them again). A failed write truncates the file back to its last good length, so a half line
 * never sits in front of the next batch. rewrite() goes through a temp file, fsync, rename, fsync of the
 * folder: old and new are each complete at every moment.
 *
 * Not safe for concurrent calls: the store runs every append and rewrite after the previous one.
 */
import { constants } from "node:fs";
import { mkdir, open, readFile, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { applyLine, headerLine, JOURNAL_VERSION, parseLine, type Rows } from "./journalLines.ts";

/** Appends are durable when write() returns (O_DSYNC: data, and the size, on disk). */
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;

export class JournalFile {
  readonly file: string;
  readonly #log: (message: string) => void;
  #handle: FileHandle;
  /** Bytes of complete lines in the file: a failed write is cut back to this. */
  #size: number;
  #lines: number;
  /** A failed write could not be cut back: nothing more is written (and acknowledged) until a restart. */
  #broken: Error | undefined;

  private constructor(file: string, handle: FileHandle, size: number, lines: number, log: (message: string) => void) {
    this.file = file;
    this.#handle = handle;
    this.#size = size;
    this.#lines = lines;
    this.#log = log;
  }

  /** Lines in the file, the header included. */
  get lines(): number {
    return this.#lines;
  }

  /** Set once the file cannot be written safely any more; every later write throws it. */
  get broken(): Error | undefined {
    return this.#broken;
  }

  /**
   * Opens (or creates) the journal and folds its lines into `rows`; returns the file and the highest
   * event id seen. A torn last line is cut off, a damaged line skipped with its file:line logged.
   */
  static async open(file: string, rows: Rows, log: (message: string) => void): Promise<{ journal: JournalFile; maxId: number }> {
    await mkdir(path.dirname(file), { recursive: true });
    let text = "";
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const complete = text.lastIndexOf("\n") + 1;
    if (complete < text.length) log(`${file}: onvolledige laatste regel weggelaten (crash tijdens schrijven) / torn last line dropped`);
    const lines = text.slice(0, complete).split("\n").slice(0, -1);
    let maxId = 0;
    lines.forEach((raw, index) => {
      const parsed = parseLine(raw);
      // A journal written by a newer duidbot is not guessed at: refuse, so nothing in it is lost.
      if (parsed.ok && parsed.line.op === "journal" && parsed.line.version !== JOURNAL_VERSION) {
        throw new Error(`${file}:${index + 1}: journaalversie ${parsed.line.version} is onbekend (deze duidbot kent ${JOURNAL_VERSION}) / unknown journal version`);
      }
      if (!parsed.ok) {
        log(`${file}:${index + 1}: regel overgeslagen, ${parsed.error} / line skipped`);
        return;
      }
      maxId = Math.max(maxId, applyLine(rows, parsed.line));
    });
    const handle = await open(file, APPEND_FLAGS);
    try {
      const goodBytes = Buffer.byteLength(text.slice(0, complete));
      // Cut a torn tail so the next batch starts on a line of its own.
      if (goodBytes < Buffer.byteLength(text)) await handle.truncate(goodBytes);
      if (complete > 0) return { journal: new JournalFile(file, handle, goodBytes, lines.length, log), maxId };
      const header = `${headerLine()}\n`;
      await handle.write(header);
      await syncFolder(path.dirname(file));
      return { journal: new JournalFile(file, handle, Buffer.byteLength(header), 1, log), maxId };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Appends whole lines and returns once they are on disk; on failure the file is cut back to its last good length. */
  async append(lines: readonly string[]): Promise<void> {
    if (this.#broken) throw this.#broken;
    if (lines.length === 0) return;
    const text = `${lines.join("\n")}\n`;
    try {
      await this.#handle.write(text);
    } catch (error) {
      try {
        await this.#handle.truncate(this.#size);
      } catch (cutError) {
        this.#broken = new Error(`${this.file}: niet meer schrijfbaar na een mislukte schrijfactie; herstart nodig / unwritable after a failed write, restart needed`, { cause: cutError });
        this.#log(this.#broken.message);
      }
      throw new Error(`${this.file}: inbox niet weggeschreven / inbox write failed: ${(error as Error).message}`, { cause: error });
    }
    this.#size += Buffer.byteLength(text);
    this.#lines += lines.length;
  }

  /** Replaces the file by a header plus `lines`: temp file, fsync, rename over the journal, fsync of the folder. */
  async rewrite(lines: readonly string[]): Promise<void> {
    if (this.#broken) throw this.#broken;
    const temp = `${this.file}.tmp`;
    const text = [headerLine(), ...lines].join("\n") + "\n";
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
    this.#lines = lines.length + 1;
  }

  async close(): Promise<void> {
    await this.#handle.close();
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
