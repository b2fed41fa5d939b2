/**
 * What every embedded database start needs before PostgreSQL can run, started as early as possible and
 * shared by every PGlite of the process: PGlite's 9 MB of WebAssembly, compiled once (V8 compiles in
 * background threads), its 6 MB file-system bundle, and — for a new data folder — the ready dump
 * decompressed (gunzip runs in libuv's thread pool). `duidbot` starts them before it loads the rest of
 * its modules (src/cli/main.ts), so on two cores they overlap the ~0.4 s of module loading instead of
 * following it (issue #15: cold start). Nothing here touches a data folder; openDatabase decides.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { PGliteOptions } from "@electric-sql/pglite";

/** The ready dump (readyDatabase.ts): here, so that naming it early loads nothing else. */
export const READY_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "ready");
export const READY_DUMP_FILE = "empty.tar.gz";

/** PGlite's dist folder (pglite.wasm and pglite.data sit beside its entry point). */
const dist = () => path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));

export type PgliteAssets = Required<Pick<PGliteOptions, "pgliteWasmModule" | "fsBundle">>;

// TypeScript's es2024 library has no WebAssembly types; Node has the global all the same.
const wasmCompile = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<PgliteAssets["pgliteWasmModule"]> } }).WebAssembly.compile;

let assets: Promise<PgliteAssets> | undefined;

/** PGlite's compiled module and file-system bundle; the first call starts reading and compiling. */
export function pgliteAssets(): Promise<PgliteAssets> {
  assets ??= (async () => {
    const [wasm, data] = await Promise.all([readFile(path.join(dist(), "pglite.wasm")), readFile(path.join(dist(), "pglite.data"))]);
    return { pgliteWasmModule: await wasmCompile(wasm), fsBundle: new Blob([data]) };
  })();
  // A failure here (a broken install) is reported by the open that awaits it, not as an unhandled rejection.
  assets.catch(() => {});
  return assets;
}

/**
 * Ready dumps being decompressed ahead of use, by file. A taken dump is removed: 27 MB must not stay
 * alive for the process's life (idle memory budget), so each prefetch is used at most once.
 */
const early = new Map<string, Promise<Uint8Array>>();

const decompress = async (file: string) => new Uint8Array(await promisify(gunzip)(await readFile(file)));

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
