/**
 * What every embedded database start needs before PostgreSQL can run, started as early as possible and
 * shared by every PGlite of the process: PGlite's 9 MB of WebAssembly, compiled once (V8 compiles in
 * background threads), and — for a new data folder — the ready dump decompressed (gunzip runs in
 * libuv's thread pool). `duidbot serve` starts them before it loads the rest of its modules
 * (src/cli/startEarly.ts), so on two cores they overlap the ~0.4 s of module loading instead of following
 * it (issue #15: cold start). Nothing here touches a data folder; openDatabase decides.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { PGliteOptions } from "@electric-sql/pglite";
import { BytesBlob } from "./bytesBlob.ts";

/** The ready dump (readyDatabase.ts): here, so that naming it early loads nothing else. */
export const READY_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "ready");
export const READY_DUMP_FILE = "empty.tar.gz";

/** PGlite's dist folder (pglite.wasm and pglite.data sit beside its entry point). */
let distFolder: string | undefined;
const dist = () => (distFolder ??= path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")));

export type PgliteAssets = Required<Pick<PGliteOptions, "pgliteWasmModule" | "fsBundle">>;

// TypeScript's es2024 library has no WebAssembly types; Node has the global all the same.
const wasmCompile = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<PgliteAssets["pgliteWasmModule"]> } }).WebAssembly.compile;

let compiled: Promise<PgliteAssets["pgliteWasmModule"]> | undefined;

/**
 * PGlite's compiled module (compiled once per process; the first call starts it) and its file-system
 * bundle (read at each call: PGlite copies it anyway, and a kept copy would be 6 MB of idle memory).
 */
export async function pgliteAssets(): Promise<PgliteAssets> {
  // Read at once (from the page cache: a few ms), so that only the compile is left to V8's background
  // threads: an async readFile comes back to the main thread after every 512 KB, and while the
  // modules load the main thread does not come back (measured: the prefetch then finished last).
  compiled ??= wasmCompile(readFileSync(path.join(dist(), "pglite.wasm")));
  // A failure (a broken install) is reported by the open that awaits it, not as an unhandled rejection.
  compiled.catch(() => {});
  const fsBundle = new BytesBlob(readFileSync(path.join(dist(), "pglite.data")));
  return { pgliteWasmModule: await compiled, fsBundle };
}

/**
 * Ready dumps being decompressed ahead of use, by file. A taken dump is removed: 27 MB must not stay
 * alive for the process's life (idle memory budget), so each prefetch is used at most once.
 */
const early = new Map<string, Promise<Uint8Array>>();

/**
 * Decompresses a gzip file as one job on libuv's thread pool: the output in one chunk of its own size
 * (gzip's trailer holds it), not zlib's 16 KB chunks, each of which would wait for the main thread.
 */
async function decompress(file: string): Promise<Uint8Array> {
  const compressed = readFileSync(file);
  const size = compressed.length >= 18 ? compressed.readUInt32LE(compressed.length - 4) : 0;
  const chunkSize = Math.min(Math.max(size, 64 * 1024), 1 << 30);
  return new Uint8Array(await promisify(gunzip)(compressed, { chunkSize }));
}

/** Starts decompressing `file` (a gzipped tar) now, for a later takeDecompressed. */
export function prefetchDecompressed(file: string): void {
  if (early.has(file)) return;
  const pending = decompress(file);
  pending.catch(() => {}); // reported by takeDecompressed, or dropped with the prefetch
  early.set(file, pending);
}

/** The prefetched contents of `file` (then forgotten), or decompressed now. */
export function takeDecompressed(file: string): Promise<Uint8Array> {
  const pending = early.get(file);
  early.delete(file);
  return pending ?? decompress(file);
}

/** Forgets prefetches no open took (the folder turned out to exist): their memory is freed. */
export function dropPrefetched(): void {
  early.clear();
}
