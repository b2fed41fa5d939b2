/**
 * The embedded database's start-up work that needs none of duidbot's modules, begun before they load
 * (issue #15, cold start: module loading takes ~0.4 s of the main thread while the second core idles).
 * Only a guess from the environment and the command word: openDatabase still decides everything (an
 * unused prefetch is dropped there) and waits for what it uses, so a wrong guess costs some CPU, never
 * a wrong result. Only `serve` on the embedded database gets it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { dataDirFrom } from "../main/dataDir.ts";
import { pgliteAssets, prefetchDecompressed, READY_DIR, READY_DUMP_FILE } from "../store/pgliteAssets.ts";

export function startEarly(argv: string[], env: NodeJS.ProcessEnv, cwd: string): void {
  // `serve` only: the other commands are short, and many end before they open the database (bad input,
  // usage); a process cannot exit before a started read or decompression ends, so for them a prefetch
  // cost more than it won (measured: the CLI tests 17.0 -> 23.7 s with every database command prefetching).
  if (argv[0] !== "serve" || argv.length > 1) return;
  if (env.DATABASE_URL?.trim()) return;
  pgliteAssets().catch(() => {}); // a failure is reported by the open that needs it
  // A new data folder loads the ready dump (readyDatabase.ts); PG_VERSION is PGlite's mark of an existing one.
  if (!existsSync(path.join(dataDirFrom(env.DUIDBOT_DATA_DIR, cwd), "PG_VERSION"))) prefetchDecompressed(path.join(READY_DIR, READY_DUMP_FILE));
}
