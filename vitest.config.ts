import { enableCompileCache } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import DurationSequencer from "./tests/support/durationSequencer.ts";

// Node's compile cache (V8 code of every module loaded natively, keyed by the file's contents, so never
// stale) for this process and, through the environment, the test workers and the duidbot processes
// the CLI tests start: each loads the same node_modules. Measured (issue #14): unit+contract+3 e2e
// files 13.6 -> 11.5 s of CPU warm (the first run writes the cache: ~15 s).
process.env.NODE_COMPILE_CACHE ??= path.join(import.meta.dirname, "node_modules", ".cache", "duidbot-compile-cache");
enableCompileCache(process.env.NODE_COMPILE_CACHE);

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/globalSetup.ts"],
    setupFiles: ["tests/support/loopbackOnly.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A worker process runs several files in turn with its modules loaded once: saves a process start
    // and a PGlite start per file. Safe because no test leaves module state behind (timers are restored,
    // nothing is mocked by module) and tests/support/db.ts hands every test a reset database.
    isolate: false,
    // Two workers on 2 cores (vitest's default would be one). A third worker was tried (issue #14): under
    // load from other work it looked faster (2: 121.0/113.7 s, 3: 117.3/95.5 s), but on a quiet 2-core
    // machine the whole suite took the same (alternating runs: 2 workers 67.8 and 70.1 s, 3 workers 77.5
    // and 67.0 s, CPU ~113 s either way) while files time-share: with 3 the slowest files run 11-12.6 s
    // (budget 10 s), with 2 at most 7.6 s. A test process stays under 300 MB.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Liftoff only: V8 otherwise recompiles PGlite's 9 MB of WebAssembly with its optimising compiler
    // in every test process (measured: a test database's first open 2.9 -> 2.1 s of CPU, later ones 80 -> 15 ms).
    execArgv: ["--liftoff-only"],
    // Longest files first, by the committed durations of an earlier run (tests/support/durationSequencer.ts).
    sequence: { sequencer: DurationSequencer },
    // The slowest 10 files after the summary, in CI (see the reporter for SLOWEST_FILES=1 locally).
    reporters: ["default", "./tests/support/slowestFilesReporter.ts"],
  },
});
