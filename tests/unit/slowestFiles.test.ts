// The CI printout of the slowest test files (tests/support/slowestFilesReporter.ts).
import { describe, expect, it } from "vitest";
import { formatSlowest } from "../support/slowestFilesReporter.ts";

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
