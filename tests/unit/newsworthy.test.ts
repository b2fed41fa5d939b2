// Proves that a backfill of several periods yields only the newest period per indicator, plus corrections;
// that guests are told only of a significant change they can see as a move under the small-number
// rule; and which DIN changes make a guest message stale (only stricter rules).
import { describe, expect, it } from "vitest";
import type { IndicatorChange } from "../../src/domain/changes.ts";
import { newsworthy, newsworthyFor } from "../../src/domain/newsworthy.ts";
import { disclosureOf, isStricter } from "../../src/domain/disclosure.ts";
import { buildIndicator } from "../support/factories.ts";

// As changeAt makes them: a correction is the change with the value it corrects.
const change = (indicatorId: string, period: string, kind: "new" | "correction" = "new"): IndicatorChange => ({
  indicatorId,
  goalId: "doel",
  period,
  value: 1,
  kind,
  ...(kind === "correction" ? { correctedFrom: 2 } : {}),
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

  it("keeps the same of the records an import keeps (no full changes needed)", () => {
    const input = [change("a", "2022"), change("a", "2024"), change("b", "2023-Q4"), change("a", "2021", "correction"), change("b", "2024-Q1")];
    const records = input.map(({ indicatorId, period, correctedFrom }) => ({ indicatorId, period, ...(correctedFrom !== undefined ? { correctedFrom } : {}) }));
    expect(newsworthy(records).map((r) => `${r.indicatorId}:${r.period}`)).toEqual(newsworthy(input).map((c) => `${c.indicatorId}:${c.period}`));
    expect(newsworthy(records)).toHaveLength(3);
  });

  it("returns nothing for nothing", () => {
    expect(newsworthy([])).toEqual([]);
  });
});

describe("newsworthyFor", () => {
  const count = buildIndicator({ id: "a", unit: "aantal" });
  const moved = (value: number, previous: number | undefined, significant = true): IndicatorChange => ({
    ...change("a", "2024"),
    value,
    significant,
    ...(previous !== undefined ? { previous: { period: "2023", value: previous, absolute: value - previous, gap: false } } : {}),
  });

  it("is a significant change, for staff whatever the numbers", () => {
    expect(newsworthyFor(moved(7, 3), count, "intern")).toBe(true);
    expect(newsworthyFor(moved(30, 12, false), count, "intern")).toBe(false);
  });

  it("for guests, only a move they can see: not from '< 10' to '< 10'", () => {
    expect(newsworthyFor(moved(7, 3), count, "extern")).toBe(false);
    expect(newsworthyFor(moved(7, undefined), count, "extern")).toBe(false);
    expect(newsworthyFor(moved(7, 30), count, "extern")).toBe(true);
    expect(newsworthyFor(moved(30, 7), count, "extern")).toBe(true);
    expect(newsworthyFor(moved(12, 30), { ...count, smallNumbers: 20 }, "extern")).toBe(true);
    expect(newsworthyFor(moved(12, 15), { ...count, smallNumbers: 20 }, "extern")).toBe(false);
  });
});

describe("isStricter", () => {
  const count = buildIndicator({ id: "a", unit: "aantal" });
  const then = disclosureOf(count);

  it("notices an indicator turning intern, a new or higher small-number limit, or a vanished one", () => {
    expect(then).toEqual({ id: "a", visibility: "openbaar", smallNumbers: 10 });
    expect(isStricter(then, disclosureOf({ ...count, visibility: "intern" }))).toBe(true);
    expect(isStricter(then, disclosureOf({ ...count, smallNumbers: 20 }))).toBe(true);
    const percentage = buildIndicator({ id: "p", unit: "%" });
    expect(isStricter(disclosureOf(percentage), disclosureOf({ ...percentage, smallNumbers: 10 }))).toBe(true);
    expect(isStricter(then, undefined)).toBe(true);
  });

  it("leaves messages alone when rules stay or loosen", () => {
    expect(isStricter(then, disclosureOf(count))).toBe(false);
    expect(isStricter(then, disclosureOf({ ...count, smallNumbers: 5 }))).toBe(false);
    expect(isStricter(disclosureOf({ ...count, visibility: "intern" }), disclosureOf(count))).toBe(false);
  });
});
