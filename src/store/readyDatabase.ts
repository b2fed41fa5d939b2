/**
 * The ready database: a dump of a freshly migrated, empty PGlite, committed in prisma/ready/ beside a
 * manifest of what it holds (the PGlite version that wrote it; the migrations applied, with checksums).
 * A first start on an empty data folder loads it instead of running PGlite's initdb and every migration
 * (measured in one run: 8.9 s and a 584 MB peak → 1.7 s and 254 MB; docs/database.md). `npm install`
 * cannot build it cheaper than a first start would (initdb is the cost), so it ships with the code.
 *
 * It is used only when it cannot be stale: written by the installed PGlite version, and its migrations
 * are the first ones in prisma/migrations, each with the same checksum. Migrations added later are then
 * applied on top by the migrate that runs after every open; anything else falls back to initdb.
 * `npm run db:ready` writes it again; tests/integration/readyDatabase.test.ts fails until someone does.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";
import { readMigrations, type Migration } from "./migrate.ts";
import { READY_DIR, READY_DUMP_FILE, takeDecompressed } from "./pgliteAssets.ts";

export { READY_DIR, READY_DUMP_FILE };
export const READY_MANIFEST_FILE = "manifest.json";

const manifestSchema = z.object({
  pglite: z.string().min(1),
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type ReadyManifest = z.infer<typeof manifestSchema>;

/** The installed @electric-sql/pglite version (a dump is a data folder of that PostgreSQL build). */
export async function pgliteVersion(): Promise<string> {
  const require = createRequire(import.meta.url);
  // Its package.json is not exported: find it beside the resolved entry point (dist/index.*).
  const file = path.join(path.dirname(require.resolve("@electric-sql/pglite")), "..", "package.json");
  return (JSON.parse(await readFile(file, "utf8")) as { version: string }).version;
}

/** Why a dump with this manifest must not be loaded; undefined when it fits. */
export function staleReason(manifest: ReadyManifest, pglite: string, migrations: Pick<Migration, "name" | "checksum">[]): string | undefined {
  if (manifest.pglite !== pglite) return `written by PGlite ${manifest.pglite}, this is ${pglite}`;
  if (manifest.migrations.length > migrations.length) return `it holds ${manifest.migrations.length} migrations, prisma/migrations has ${migrations.length}`;
  for (const [i, held] of manifest.migrations.entries()) {
    const current = migrations[i]!;
    if (held.name !== current.name) return `migration ${i + 1} is ${held.name} there, ${current.name} here`;
    if (held.checksum !== current.checksum) return `migration ${held.name} changed since it was written`;
  }
  return undefined;
}

export type ReadyDump = { tar: Uint8Array; manifest: ReadyManifest } | { tar: undefined; reason: string };

/** The ready dump in `dir` as an uncompressed tar for PGlite's loadDataDir, or why it cannot be used. */
export async function loadReadyDump(dir = READY_DIR, migrationsDir?: string): Promise<ReadyDump> {
  const manifestFile = path.join(dir, READY_MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { tar: undefined, reason: `${manifestFile} does not exist` };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { tar: undefined, reason: `${manifestFile}: ${(error as Error).message}` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return { tar: undefined, reason: `${manifestFile}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  const reason = staleReason(parsed.data, await pgliteVersion(), await readMigrations(migrationsDir));
  if (reason) return { tar: undefined, reason: `${manifestFile}: ${reason}` };
  // Usually decompressed already, while the modules loaded (pgliteAssets.ts).
  return { tar: await takeDecompressed(path.join(dir, READY_DUMP_FILE)), manifest: parsed.data };
}

const BLOCK = 512;
const PAGE = 8192;

/**
 * Writes the dump's files into `dataDir` with Node's file system, not PGlite's loadDataDir (measured:
 * unpacking and opening 1.4–2.3× faster; PGlite copies every byte through its WebAssembly file system).
 * All-zero pages are left as holes (half of the 16 MB WAL segment, empty pages): they read back as the
 * same zeros. PG_VERSION, PGlite's mark of an existing database, is written last: a start killed
 * half-way finds no database and starts over.
 */
export function extractReadyDump(tar: Uint8Array, dataDir: string): void {
  const text = (from: number, length: number) => new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, "");
  const marks: [string, Uint8Array][] = [];
  const folders = new Set<string>();
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const name = text(at, 100);
    if (name === "") break; // the two zero blocks that end a tar
    const prefix = text(at + 345, 155);
    const relative = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, "");
    const size = parseInt(text(at + 124, 12).trim() || "0", 8);
    const type = text(at + 156, 1) || "0";
    const body = tar.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (relative.split("/").includes("..")) throw new Error(`ready dump: unsafe path ${relative}`);
    const target = path.join(dataDir, relative);
    if (type === "5") {
      mkdirSync(target, { recursive: true, mode: 0o700 });
      folders.add(target);
    }
    else if (type === "0") {
      if (relative === "PG_VERSION") marks.push([target, body]);
      else writeSparse(target, body, folders);
    } else throw new Error(`ready dump: unexpected entry type ${type} for ${relative}`);
  }
  for (const [target, body] of marks) writeSparse(target, body, folders);
}

const ZERO_PAGE = new Uint8Array(PAGE);

/** Writes `body` to `file`, leaving all-zero pages as holes: one write per run of pages with data. */
function writeSparse(file: string, body: Uint8Array, folders: Set<string>): void {
  const folder = path.dirname(file);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    folders.add(folder);
  }
  const isZero = (at: number) => {
    const page = body.subarray(at, Math.min(at + PAGE, body.length));
    return Buffer.compare(page, ZERO_PAGE.subarray(0, page.length)) === 0; // memcmp, not a byte loop in JS
  };
  const fd = openSync(file, "w", 0o600);
  try {
    for (let at = 0; at < body.length; ) {
      if (isZero(at)) {
        at += PAGE;
        continue;
      }
      let end = at + PAGE;
      while (end < body.length && !isZero(end)) end += PAGE;
      end = Math.min(end, body.length);
      writeSync(fd, body, at, end - at, at);
      at = end;
    }
    ftruncateSync(fd, body.length);
  } finally {
    closeSync(fd);
  }
}
