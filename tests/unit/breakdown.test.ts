// Proves the small-number rule per breakdown cell with secondary suppression: no hidden cell can be
// computed from the total and the cells shown, for any breakdown (a property check over many), while
// internal use sees every cell and indicators without the rule are never hidden.
import { describe, expect, it } from "vitest";
import { breakdownsAt, latestBreakdownPeriod, shownBreakdown, type Breakdown } from "../../src/domain/breakdown.ts";
import type { SeriesValue } from "../../src/domain/comparison.ts";
import { buildIndicator } from "../support/factories.ts";

const count = buildIndicator({ unit: "aantal", count: true });
const percent = buildIndicator({ unit: "%" });
const of = (...values: number[]): Breakdown => ({ dimension: "wijk", period: "2024", cells: values.map((value, i) => ({ category: `w${i + 1}`, value })) });

describe("breakdowns from stored values", () => {
  const values: SeriesValue[] = [
    { indicatorId: "x", period: "2024", value: 40 },
    { indicatorId: "x", period: "2024", value: 25, dimension: "wijk", category: "Oost" },
    { indicatorId: "x", period: "2024", value: 15, dimension: "wijk", category: "West" },
    { indicatorId: "x", period: "2024", value: 30, dimension: "leeftijd", category: "0-17" },
    { indicatorId: "x", period: "2024", value: 99, area: "Nederland", dimension: "wijk", category: "Oost" },
    { indicatorId: "x", period: "2023", value: 20, dimension: "wijk", category: "Oost" },
    { indicatorId: "y", period: "2025", value: 1, dimension: "wijk", category: "Oost" },
  ];
  it("groups the municipality's own cells per dimension at a period, in stored order; areas' breakdowns are not the municipality's", () => {
    expect(breakdownsAt("x", values, "2024")).toEqual([
      { dimension: "wijk", period: "2024", cells: [{ category: "Oost", value: 25 }, { category: "West", value: 15 }] },
      { dimension: "leeftijd", period: "2024", cells: [{ category: "0-17", value: 30 }] },
    ]);
    expect(latestBreakdownPeriod("x", values)).toBe("2024");
    expect(latestBreakdownPeriod("z", values)).toBeUndefined();
  });
});

describe("small-number rule per cell, with secondary suppression", () => {
  it("hides one small cell and the smallest other cell, so the total minus the rest gives nothing away", () => {
    expect(shownBreakdown(of(25, 4, 12, 30), count, "extern").cells).toEqual([
      { category: "w1", value: 25 },
      { category: "w2", hidden: "klein" },
      { category: "w3", hidden: "secundair" },
      { category: "w4", value: 30 },
    ]);
  });

  it("hides two small cells without more when their sum is not small itself: only that sum can be computed", () => {
    const shown = shownBreakdown(of(25, 6, 5, 30), count, "extern");
    expect(shown.cells.map((c) => ("value" in c ? c.value : c.hidden))).toEqual([25, "klein", "klein", 30]);
    expect(shown.hiddenCount).toBe(2);
  });

  it("hides one more cell when the small cells' sum, computable as total minus the cells shown, is itself small", () => {
    // 4 + 3 = 7 = 62 − 25 − 30: a count below 10 by subtraction, just what the rule hides.
    const shown = shownBreakdown(of(25, 4, 3, 30), count, "extern");
    expect(shown.cells.map((c) => ("value" in c ? c.value : c.hidden))).toEqual(["secundair", "klein", "klein", 30]);
  });

  it("never pins a small cell to an exact value through a secondary cell known to be at least the limit", () => {
    // Hiding 0 with 10 leaves a hidden sum of 10 with one cell ≥ 10: the other is exactly 0.
    expect(shownBreakdown(of(0, 10, 11, 40), count, "extern").cells.map((c) => ("value" in c ? c.value : c.hidden))).toEqual(["klein", "secundair", "secundair", 40]);
  });

  it("treats 0 as small and the limit itself as shown; follows the DIN's own limit", () => {
    expect(shownBreakdown(of(0, 12, 11), count, "extern").cells.map((c) => ("value" in c ? c.value : c.hidden))).toEqual(["klein", 12, "secundair"]);
    expect(shownBreakdown(of(12, 15, 40), { ...count, smallNumbers: 20 }, "extern").cells.map((c) => ("value" in c ? c.value : c.hidden))).toEqual(["klein", "klein", 40]);
  });

  it("shows every cell internally and never hides cells of an indicator without the rule", () => {
    expect(shownBreakdown(of(25, 4, 12), count, "intern").hiddenCount).toBe(0);
    expect(shownBreakdown(of(2.5, 4, 12), percent, "extern").hiddenCount).toBe(0);
  });

  it("hides the lone other cell of a two-cell breakdown too", () => {
    expect(shownBreakdown(of(3, 50), count, "extern").cells.map((c) => ("value" in c ? c.value : c.hidden))).toEqual(["klein", "secundair"]);
  });

  it("never lets a single small value be derived from the total and the cells shown (checked over many breakdowns)", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 60;
    for (let n = 0; n < 2000; n++) {
      const cells = Array.from({ length: 2 + (next() % 5) }, () => next());
      const shown = shownBreakdown(of(...cells), count, "extern");
      const hiddenValues = shown.cells.flatMap((c, i) => ("hidden" in c ? [cells[i]!] : []));
      // Every small cell is hidden, and never alone: total − shown cells is then the sum of two or more hidden cells.
      cells.forEach((v, i) => {
        if (v < 10) expect("hidden" in shown.cells[i]!).toBe(true);
      });
      expect(hiddenValues.length === 0 || hiddenValues.length >= 2 || cells.length === 1).toBe(true);
      // Total − shown cells = the hidden sum: never a small number, and never so close to the
      // secondary cells' floor (each ≥ 10) that the small cells are all pinned to 0 — unless all is hidden.
      const sum = hiddenValues.reduce((a, b) => a + b, 0);
      const secondary = shown.cells.filter((c) => "hidden" in c && c.hidden === "secundair").length;
      if (hiddenValues.length > 0 && hiddenValues.length < cells.length) {
        expect(sum).toBeGreaterThanOrEqual(10);
        if (shown.cells.some((c) => "hidden" in c && c.hidden === "klein")) expect(sum - 10 * secondary).toBeGreaterThan(0);
      }
    }
  });
});
