/** Runs the `duidbot` command as a user does: a real process (tests/e2e/cli*.test.ts). */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { ChartRenderer } from "../../src/app/charts.ts";
import { runCli } from "../../src/cli/run.ts";
import { openDatabase, type Database, type DatabaseTarget } from "../../src/store/database.ts";
import { leaseEmbeddedDatabase } from "./db.ts";

export const root = path.join(import.meta.dirname, "..", "..");
const bin = path.join(root, "src", "cli", "duidbot.js");
const run = promisify(execFile);

/**
 * Node's arguments before the command's own. Liftoff only: V8 otherwise recompiles PGlite's 9 MB of
 * WebAssembly with its optimising compiler in every short-lived process (measured: 2.7 s of CPU
 * instead of 0.9 s per command). Same code, same results.
 */
export const nodeArgs = ["--liftoff-only", bin];

/**
 * Node's compile cache for the command's processes (keyed by each file's contents, so never stale):
 * a start compiles the modules once per run, not once per process (measured: 0.78 -> 0.42 s of CPU
 * for `duidbot status`; issue #14).
 */
export const childEnv = { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? path.join(root, "node_modules", ".cache", "duidbot-compile-cache") };

/** `duidbot <args>` on the embedded database in `env.DUIDBOT_DATA_DIR`; never throws, returns the exit code. */
export async function runDuidbot(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeArgs, ...args], {
      cwd: root,
      env: { ...process.env, ...childEnv, DATABASE_URL: "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * The same command inside the test process (src/cli/run.ts, as the executable runs it): no Node start
 * and no module loading per command, only the database open. For tests about what the command says and
 * does; tests about the process itself (exit status, memory, the lock against a second process) use
 * runDuidbot.
 */
export async function runDuidbotHere(args: string[], env: Record<string, string>, kept?: KeptDatabases, charts?: ChartRenderer) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    ...(kept ? { openDatabase: kept.openDatabase } : {}),
    ...(charts ? { charts } : {}),
    env: { ...process.env, DATABASE_URL: "", ...env },
    // As console.log/console.error would write them: one line break after each call.
    out: (text) => stdout.push(`${text}\n`),
    err: (text) => stderr.push(`${text}\n`),
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

export type KeptDatabases = ReturnType<typeof keptDatabases>;

/**
 * Databases kept open across the in-process commands of a test file, one per data folder: every
 * command still runs its own migration check, reads duidbot.yaml and builds its services; only the
 * PGlite start (~0.25 s of CPU each, issue #14) is shared, and the command's close() leaves it open.
 * close() in afterAll; before a real process opens the same folder (it would find it locked), too.
 * `open` is how a folder's database is opened the first time: the folder itself (default), or see
 * inMemoryDatabases.
 */
export function keptDatabases(open: (target: DatabaseTarget) => Promise<Database> = openDatabase) {
  const kept = new Map<string, Promise<Database>>();
  return {
    openDatabase(target: DatabaseTarget): Promise<Database> {
      if (target.kind !== "pglite" || !target.dataDir) return openDatabase(target);
      const key = target.dataDir;
      let db = kept.get(key);
      if (!db) {
        db = open(target);
        kept.set(key, db);
        db.catch(() => kept.delete(key)); // a failed open is not kept: the next command tries again
      }
      return db.then((database) => ({ ...database, close: async () => {} }));
    },
    async close(): Promise<void> {
      const all = [...kept.values()];
      kept.clear();
      for (const db of all) await (await db.catch(() => undefined))?.close();
    },
  };
}

/**
 * As keptDatabases, but each data folder's database is an in-memory PGlite from the test pool
 * (tests/support/db.ts leaseEmbeddedDatabase: just migrated, reset in a few ms), not the folder: for
 * tests about what commands say and do, where the folder is incidental. The folder (DUIDBOT_DATA_DIR)
 * must still exist: a command keeps its inbox journal beside the database. What a folder itself does
 * (created from nothing, locked against a second process, reopened by the next process) is proven
 * on real folders: cli.test.ts, cliServe.test.ts, cliInbox.test.ts and the cliDigest* processes.
 */
export function inMemoryDatabases(): KeptDatabases {
  return keptDatabases(() => leaseEmbeddedDatabase());
}
