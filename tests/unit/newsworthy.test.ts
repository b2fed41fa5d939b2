// Proves that a backfill of several periods yields only the newest period per indicator, plus corrections.
import { describe, expect, it } from "vitest";
import type { IndicatorChange } from "../../src/domain/changes.ts";
import { newsworthy } from "../../src/domain/newsworthy.ts";

const change = (indicatorId: string, period: string, kind: "new" | "correction" = "new"): IndicatorChange => ({
  indicatorId,
  goalId: "doel",
  period,
  value: 1,
  kind,
  significant: true,
  significanceReasons: [],
});

describe("newsworthy", () => {
  it("keeps the newest period per indicator and every correction", () => {
    const input = [
      change("a", "2022"),
      change("a", "2024"),
      change("a", "2023"),
      change("b", "2024-Q1"),
      change("b", "2023-Q4"),
      change("a", "2021", "correction"),
    ];
    expect(newsworthy(input).map((c) => `${c.indicatorId}:${c.period}:${c.kind}`)).toEqual([
      "a:2024:new",
      "b:2024-Q1:new",
      "a:2021:correction",
    ]);
  });

  it("returns nothing for nothing", () => {
    expect(newsworthy([])).toEqual([]);
  });
});
