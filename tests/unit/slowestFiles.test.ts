// The CI printout of the slowest test files (tests/support/slowestFilesReporter.ts).
import { describe, expect, it } from "vitest";
import { longestFirst, readDurations } from "../support/durationSequencer.ts";
import { durationList, formatSlowest } from "../support/slowestFilesReporter.ts";

describe("slowest files printout", () => {
  it("lists the slowest files first, at most ten, and marks those over the 10 s budget", () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ file: `tests/f${i}.test.ts`, importMs: 500, testsMs: i * 1000 }));
    const lines = formatSlowest(files);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("Slowest 10 test files (total = start-up/imports + tests; budget 10 s per file, 2 over):");
    expect(lines[1]).toBe(" 11.5 s  =   0.5 s +  11.0 s  OVER tests/f11.test.ts");
    expect(lines[3]).toBe("  9.5 s  =   0.5 s +   9.0 s  tests/f9.test.ts");
    expect(lines.at(-1)).toContain("tests/f2.test.ts");
  });

  it("prints nothing for a run without files", () => {
    expect(formatSlowest([])).toEqual([]);
  });
});

describe("test file order (durationSequencer)", () => {
  it("starts new files first, then the longest known, keeping the given order among equals", () => {
    const durations = new Map([
      ["a", 300],
      ["b", 9000],
      ["c", 300],
      ["d", 1200],
    ]);
    expect(longestFirst(["a", "b", "new1", "c", "d", "new2"], (f) => f, durations)).toEqual(["new1", "new2", "b", "d", "a", "c"]);
  });

  it("records a run's file times to 0.1 s, slowest first, for the next runs' order", () => {
    const list = durationList([
      { file: "tests/a.test.ts", importMs: 40, testsMs: 1234 },
      { file: "tests/b.test.ts", importMs: 0, testsMs: 7960 },
    ]);
    expect(list).toEqual({ "tests/b.test.ts": 8000, "tests/a.test.ts": 1300 });
    expect(Object.keys(list)).toEqual(["tests/b.test.ts", "tests/a.test.ts"]);
  });

  it("has a committed list that names only files that exist", async () => {
    const { existsSync } = await import("node:fs");
    const durations = readDurations();
    expect(durations.size).toBeGreaterThan(50);
    expect([...durations.keys()].filter((f) => !existsSync(f)), "files in tests/support/fileDurations.json that are gone: UPDATE_TEST_DURATIONS=1 npm test").toEqual([]);
  });
});
