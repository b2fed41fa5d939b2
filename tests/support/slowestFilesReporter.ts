/**
 * A vitest reporter that lists the slowest test files at the end of a run, in CI (CI=true) or when
 * SLOWEST_FILES=1: the budget (issue #14) is no file over 10 s, so a file that grows slow is seen
 * the day it does. A file's time is everything it costs its worker: start-up, imports, hooks, tests.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { DURATIONS_FILE } from "./durationSequencer.ts";

export const FILE_BUDGET_MS = 10_000;

export interface FileTime {
  file: string;
  /** Start-up and imports (environment, setup files, collecting the module). */
  importMs: number;
  /** Hooks and tests. */
  testsMs: number;
}

export function formatSlowest(files: FileTime[], count = 10): string[] {
  const total = (f: FileTime) => f.importMs + f.testsMs;
  const slowest = [...files].sort((a, b) => total(b) - total(a)).slice(0, count);
  if (slowest.length === 0) return [];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(7);
  const over = files.filter((f) => total(f) > FILE_BUDGET_MS).length;
  return [
    `Slowest ${slowest.length} test files (total = start-up/imports + tests; budget ${FILE_BUDGET_MS / 1000} s per file, ${over} over):`,
    ...slowest.map((f) => `${seconds(total(f))}  = ${seconds(f.importMs)} + ${seconds(f.testsMs)}  ${total(f) > FILE_BUDGET_MS ? "OVER " : ""}${f.file}`),
  ];
}

/** Each file's total time in ms (rounded to 100), slowest first, by path with "/" on every platform. */
export function durationList(files: readonly FileTime[]): Record<string, number> {
  const total = (f: FileTime) => Math.round((f.importMs + f.testsMs) / 100) * 100;
  return Object.fromEntries([...files].sort((a, b) => total(b) - total(a)).map((f) => [f.file.split(path.sep).join("/"), total(f)]));
}

export default class SlowestFilesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const update = process.env.UPDATE_TEST_DURATIONS === "1";
    if (process.env.CI !== "true" && process.env.SLOWEST_FILES !== "1" && !update) return;
    const files = testModules.map((m): FileTime => {
      const d = m.diagnostic();
      return {
        file: path.relative(process.cwd(), m.moduleId),
        importMs: d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration,
        testsMs: d.duration,
      };
    });
    // The order the next runs start files in (durationSequencer.ts): a whole run's times, to 0.1 s.
    if (update) writeFileSync(DURATIONS_FILE, `${JSON.stringify(durationList(files), null, 1)}\n`);
    const lines = formatSlowest(files);
    if (lines.length > 0) process.stdout.write(`\n${lines.join("\n")}\n`);
  }
}
