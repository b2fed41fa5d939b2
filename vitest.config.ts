import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

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
    // vitest's default is one worker less than the cores: a single worker on a 2-core machine, while
    // the files mostly wait on PGlite start-up and child processes. A test process stays under 300 MB.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Liftoff only: V8 otherwise recompiles PGlite's 9 MB of WebAssembly with its optimising compiler
    // in every test process (measured: a test database's first open 2.9 -> 2.1 s of CPU, later ones 80 -> 15 ms).
    execArgv: ["--liftoff-only"],
    // The slowest 10 files after the summary, in CI (see the reporter for SLOWEST_FILES=1 locally).
    reporters: ["default", "./tests/support/slowestFilesReporter.ts"],
  },
});
