/**
 * Runs the test files longest first, by the durations measured on an earlier run and committed in
 * tests/support/fileDurations.json (refresh: UPDATE_TEST_DURATIONS=1 npm test). Vitest orders by its own
 * cache of the last run, which a clean clone (CI) does not have: it then runs larger files first, and a
 * long file that happened to be small started last, while the other worker had nothing left (measured:
 * one worker idle for 1.5 s of a 61 s run). Longest first is the classic schedule that keeps both
 * workers busy to the end. A file not in the list (a new one) runs first: it may be long. The order
 * only changes when files start, never what they test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

export const DURATIONS_FILE = path.join(import.meta.dirname, "fileDurations.json");

/** Milliseconds per file, relative to the project root ("tests/e2e/cli.test.ts"). */
export function readDurations(file = DURATIONS_FILE): Map<string, number> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, number>));
  } catch {
    return new Map(); // no list yet: every file is new
  }
}

/** Longest known first; unknown files before all of them, in the order given. */
export function longestFirst<T>(files: readonly T[], nameOf: (file: T) => string, durations: ReadonlyMap<string, number>): T[] {
  const known = (f: T) => durations.get(nameOf(f));
  return [...files].sort((a, b) => (known(b) ?? Infinity) - (known(a) ?? Infinity) || 0);
}

export default class DurationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const durations = readDurations();
    if (durations.size === 0) return super.sort(files);
    const root = this.ctx.config.root;
    return longestFirst(files, (f) => path.relative(root, f.moduleId).split(path.sep).join("/"), durations);
  }
}
