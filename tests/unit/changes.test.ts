// Proves change detection (comparisons, gaps, assessment, target/baseline, significance) and its one-line description per language and audience.
import { describe, it, expect } from "vitest";
import { detectChange } from "../../src/domain/changes.ts";
import type { SeriesPoint } from "../../src/domain/changes.ts";
import { describeChange } from "../../src/domain/describeChange.ts";
import { buildIndicator } from "../support/factories.ts";

const series = (entries: Record<string, number>): SeriesPoint[] =>
  Object.entries(entries).map(([period, value]) => ({ period, value }));

describe("detectChange: comparisons", () => {
  it("compares with the previous period, unsorted input", () => {
    const change = detectChange(buildIndicator(), series({ "2024": 12.5, "2022": 11, "2023": 10.7 }), "2024");
    expect(change).toMatchObject({
      indicatorId: "ind-jeugdhulp",
      goalId: "doel-gezond-opgroeien",
      period: "2024",
      value: 12.5,
      kind: "new",
      previous: { period: "2023", value: 10.7, gap: false },
    });
    expect(change.previous?.absolute).toBeCloseTo(1.8);
    expect(change.previous?.relative).toBeCloseTo(1.8 / 10.7);
    expect(change.yearEarlier).toBeUndefined();
    expect(change.correctedFrom).toBeUndefined();
  });

  it("uses the latest earlier period and flags a gap when the preceding one is missing", () => {
    const change = detectChange(buildIndicator(), series({ "2021": 9, "2022": 10, "2024": 12 }), "2024");
    expect(change.previous).toMatchObject({ period: "2022", value: 10, absolute: 2, gap: true });
  });

  it("crosses the year boundary: previous of 2024-Q1 is 2023-Q4", () => {
    const ind = buildIndicator({ frequency: "kwartaal" });
    const change = detectChange(ind, series({ "2023-Q3": 5, "2023-Q4": 6, "2024-Q1": 7 }), "2024-Q1");
    expect(change.previous).toMatchObject({ period: "2023-Q4", gap: false });
  });

  it("ignores values of later periods and of other period kinds", () => {
    const ind = buildIndicator({ frequency: "kwartaal" });
    const change = detectChange(ind, series({ "2023": 1, "2023-Q4": 6, "2024-Q1": 7, "2024-Q2": 100 }), "2024-Q1");
    expect(change.previous?.period).toBe("2023-Q4");
  });

  it("adds the year-earlier comparison for sub-annual data only", () => {
    const quarterly = detectChange(
      buildIndicator({ frequency: "kwartaal" }),
      series({ "2023-Q1": 8, "2023-Q4": 6, "2024-Q1": 10 }),
      "2024-Q1",
    );
    expect(quarterly.yearEarlier).toEqual({ period: "2023-Q1", value: 8, absolute: 2, relative: 0.25, gap: false });

    const monthlyWithoutMatch = detectChange(buildIndicator({ frequency: "maand" }), series({ "2024-02": 1, "2024-03": 2 }), "2024-03");
    expect(monthlyWithoutMatch.yearEarlier).toBeUndefined();

    const yearly = detectChange(buildIndicator(), series({ "2023": 8, "2024": 10 }), "2024");
    expect(yearly.yearEarlier).toBeUndefined();
  });

  it("leaves relative undefined when the previous value is 0", () => {
    const change = detectChange(buildIndicator({ unit: "aantal" }), series({ "2023": 0, "2024": 3 }), "2024");
    expect(change.previous).toEqual({ period: "2023", value: 0, absolute: 3, gap: false });
    expect(change.previous && "relative" in change.previous).toBe(false);
  });

  it("keeps the sign of relative when the previous value is negative", () => {
    const change = detectChange(buildIndicator({ unit: "€" }), series({ "2023": -200, "2024": -100 }), "2024");
    expect(change.previous?.relative).toBe(0.5);
  });

  it("throws when the period is not in the series (caller bug)", () => {
    expect(() => detectChange(buildIndicator(), series({ "2023": 1 }), "2024")).toThrow(/no value for 2024/);
  });
});

describe("detectChange: assessment", () => {
  it.each([
    ["hoger-is-beter", 10, 12, "beter"],
    ["hoger-is-beter", 12, 10, "slechter"],
    ["lager-is-beter", 10, 12, "slechter"],
    ["lager-is-beter", 12, 10, "beter"],
    ["lager-is-beter", 10, 10, "gelijk"],
    ["hoger-is-beter", 0.3, 0.1 + 0.2, "gelijk"],
    ["neutraal", 10, 12, "neutraal"],
    ["neutraal", 10, 10, "neutraal"],
  ] as const)("%s from %d to %d → %s", (direction, before, after, assessment) => {
    const change = detectChange(buildIndicator({ direction }), series({ "2023": before, "2024": after }), "2024");
    expect(change.assessment).toBe(assessment);
  });

  it("has no assessment without a previous value", () => {
    expect(detectChange(buildIndicator(), series({ "2024": 5 }), "2024").assessment).toBeUndefined();
  });
});

describe("detectChange: target and baseline", () => {
  const target = { period: "2026", value: 10 };

  it.each([
    ["hoger-is-beter", 9, 10, true, "reached"],
    ["hoger-is-beter", 10, 9, false, "lost"],
    ["hoger-is-beter", 11, 12, true, undefined],
    ["hoger-is-beter", 7, 8, false, undefined],
    ["lager-is-beter", 11, 10, true, "reached"],
    ["lager-is-beter", 9, 10.5, false, "lost"],
    ["lager-is-beter", 8, 9, true, undefined],
    ["neutraal", 9, 10, true, "reached"],
    ["neutraal", 10, 11, false, "lost"],
    ["neutraal", 9, 11, false, undefined],
  ] as const)("%s from %d to %d → reached %s, crossing %s", (direction, before, after, reached, crossing) => {
    const change = detectChange(buildIndicator({ direction, target }), series({ "2023": before, "2024": after }), "2024");
    expect(change.target).toMatchObject({ period: "2026", value: 10, distance: after - 10, reached });
    expect(change.target?.crossing).toBe(crossing);
    expect(change.significanceReasons.includes("target-crossing")).toBe(crossing !== undefined);
  });

  it("has no crossing for a first value", () => {
    const change = detectChange(buildIndicator({ direction: "hoger-is-beter", target }), series({ "2024": 12 }), "2024");
    expect(change.target).toEqual({ period: "2026", value: 10, distance: 2, reached: true });
  });

  it("reports the distance to the referentiewaarde", () => {
    const change = detectChange(buildIndicator({ baseline: { period: "2021", value: 14 } }), series({ "2024": 12.5 }), "2024");
    expect(change.baseline).toEqual({ period: "2021", value: 14, distance: -1.5 });
  });
});

describe("detectChange: significance", () => {
  it.each([
    ["default relative 5%: 100 → 105", undefined, 100, 105, true],
    ["default relative 5%: 100 → 104.9", undefined, 100, 104.9, false],
    ["default relative 5%, downwards: 100 → 95", undefined, 100, 95, true],
    ["relative 10%: 100 → 109", { relative: 0.1 }, 100, 109, false],
    ["relative 10%: 100 → 110", { relative: 0.1 }, 100, 110, true],
    ["absolute 2: 10 → 11.9", { absolute: 2 }, 10, 11.9, false],
    ["absolute 2: 10 → 12", { absolute: 2 }, 10, 12, true],
    ["absolute 0.2 with float noise: 0.1 → 0.3", { absolute: 0.2 }, 0.1, 0.3, true],
    ["absolute 2 ignores relative size: 1000 → 1002", { absolute: 2 }, 1000, 1002, true],
    ["change away from 0 is always relevant", undefined, 0, 1, true],
    ["no change from 0", undefined, 0, 0, false],
  ] as const)("%s", (_label, threshold, before, after, significant) => {
    const indicator = buildIndicator(threshold ? { threshold } : {});
    const change = detectChange(indicator, series({ "2023": before, "2024": after }), "2024");
    expect(change.significant).toBe(significant);
    expect(change.significanceReasons).toEqual(significant ? ["threshold"] : []);
  });

  it("a target crossing is significant even below the threshold", () => {
    const indicator = buildIndicator({ direction: "lager-is-beter", target: { period: "2026", value: 10 } });
    const change = detectChange(indicator, series({ "2023": 10.1, "2024": 10 }), "2024");
    expect(change.significanceReasons).toEqual(["target-crossing"]);
    expect(change.significant).toBe(true);
  });

  it("a first value is never significant (nothing it moved from), even on the good side of the target", () => {
    const change = detectChange(buildIndicator(), series({ "2024": 12 }), "2024");
    expect(change.significanceReasons).toEqual([]);
    expect(change.significant).toBe(false);
    const reached = detectChange(buildIndicator({ target: { period: "2026", value: 15 } }), series({ "2024": 12 }), "2024");
    expect(reached.target?.reached).toBe(true);
    expect(reached.significant).toBe(false);
  });
});

describe("detectChange: corrections", () => {
  it("is judged by the correction itself, not by the change against the previous period", () => {
    const change = detectChange(buildIndicator(), series({ "2023": 10, "2024": 12.1 }), "2024", { correctedFrom: 12 });
    expect(change).toMatchObject({ kind: "correction", correctedFrom: 12, significant: false, significanceReasons: [] });
    expect(change.previous?.absolute).toBeCloseTo(2.1);
  });

  it("is significant when the correction meets the threshold", () => {
    const change = detectChange(buildIndicator({ threshold: { absolute: 1 } }), series({ "2023": 10, "2024": 13 }), "2024", {
      correctedFrom: 12,
    });
    expect(change.significanceReasons).toEqual(["correction"]);
  });

  it("crossing compares with the corrected value: a flip of the target status is significant", () => {
    const indicator = buildIndicator({ direction: "hoger-is-beter", target: { period: "2026", value: 10 } });
    const lost = detectChange(indicator, series({ "2023": 8, "2024": 9.9 }), "2024", { correctedFrom: 10 });
    expect(lost.target?.crossing).toBe("lost");
    expect(lost.significanceReasons).toEqual(["target-crossing"]);

    // Against 2023 (8) this would be a crossing, but the reader already knew 2024 reached the target.
    const stillReached = detectChange(indicator, series({ "2023": 8, "2024": 10.2 }), "2024", { correctedFrom: 10 });
    expect(stillReached.target?.crossing).toBeUndefined();
    expect(stillReached.significant).toBe(false);
  });

  it("a correction of the first value is a correction, not a first value", () => {
    const change = detectChange(buildIndicator(), series({ "2024": 12 }), "2024", { correctedFrom: 12 });
    expect(change.kind).toBe("correction");
    expect(change.significanceReasons).toEqual([]);
  });
});

describe("describeChange", () => {
  const pct = buildIndicator({ direction: "hoger-is-beter", target: { period: "2026", value: 10 } });

  it.each([
    [
      "target reached (nieuw)",
      { "2023": 9, "2024": 10.8 },
      "10,8% (2024) · ▲ +1,8 procentpunt t.o.v. 2023 · streefwaarde 10% (2026) gehaald ✓ (nieuw)",
      "10.8% (2024) · ▲ +1.8 percentage points vs 2023 · target 10% (2026) reached ✓ (new)",
    ],
    [
      "still reached",
      { "2023": 11, "2024": 12.5 },
      "12,5% (2024) · ▲ +1,5 procentpunt t.o.v. 2023 · streefwaarde 10% (2026) gehaald",
      "12.5% (2024) · ▲ +1.5 percentage points vs 2023 · target 10% (2026) reached",
    ],
    [
      "lost",
      { "2023": 10, "2024": 9.6 },
      "9,6% (2024) · ▼ -0,4 procentpunt t.o.v. 2023 · streefwaarde 10% (2026) niet meer gehaald",
      "9.6% (2024) · ▼ -0.4 percentage points vs 2023 · target 10% (2026) no longer reached",
    ],
    [
      "still to go",
      { "2023": 7.5, "2024": 7.5 },
      "7,5% (2024) · ● ±0 procentpunt t.o.v. 2023 · nog 2,5 procentpunt van streefwaarde 10% (2026)",
      "7.5% (2024) · ● ±0 percentage points vs 2023 · 2.5 percentage points from target 10% (2026)",
    ],
    [
      "first value",
      { "2024": 7.5 },
      "7,5% (2024) · eerste meting · nog 2,5 procentpunt van streefwaarde 10% (2026)",
      "7.5% (2024) · first value · 2.5 percentage points from target 10% (2026)",
    ],
  ])("%s", (_label, values, nl, en) => {
    const change = detectChange(pct, series(values), "2024");
    expect(describeChange(change, pct, "nl", "intern")).toBe(nl);
    expect(describeChange(change, pct, "en", "extern")).toBe(en);
  });

  it("formats sub-annual periods and adds the year-earlier comparison, with relative change for counts", () => {
    const ind = buildIndicator({ unit: "aantal", frequency: "kwartaal" });
    const change = detectChange(ind, series({ "2023-Q1": 80, "2023-Q4": 120, "2024-Q1": 100 }), "2024-Q1");
    expect(describeChange(change, ind, "nl", "intern")).toBe(
      "100 (1e kwartaal 2024) · ▼ -20 (-16,7%) t.o.v. 4e kwartaal 2023 · ▲ +20 (+25%) t.o.v. 1e kwartaal 2023",
    );
    expect(describeChange(change, ind, "en", "intern")).toBe(
      "100 (Q1 2024) · ▼ -20 (-16.7%) vs Q4 2023 · ▲ +20 (+25%) vs Q1 2023",
    );
  });

  it("mentions a correction", () => {
    const change = detectChange(pct, series({ "2023": 11, "2024": 12.5 }), "2024", { correctedFrom: 12.3 });
    expect(describeChange(change, pct, "nl", "intern")).toBe(
      "12,5% (2024) · ▲ +1,5 procentpunt t.o.v. 2023 · gecorrigeerd (was 12,3%) · streefwaarde 10% (2026) gehaald",
    );
  });

  describe("kleine aantallen", () => {
    const count = buildIndicator({ unit: "aantal", direction: "lager-is-beter", target: { period: "2026", value: 5 } });

    it("hides a small value, its delta and the target status for extern; shows all for intern", () => {
      const change = detectChange(count, series({ "2023": 14, "2024": 7 }), "2024");
      expect(describeChange(change, count, "nl", "extern")).toBe("< 10 (2024) · 2023: 14");
      expect(describeChange(change, count, "en", "extern")).toBe("< 10 (2024) · 2023: 14");
      expect(describeChange(change, count, "nl", "intern")).toBe(
        "7 (2024) · ▼ -7 (-50%) t.o.v. 2023 · nog 2 van streefwaarde 5 (2026)",
      );
    });

    it("hides the delta and the target crossing when only the previous value is small", () => {
      const change = detectChange(count, series({ "2023": 4, "2024": 12 }), "2024");
      expect(change.target?.crossing).toBe("lost");
      // "niet meer gehaald" would reveal that the hidden 2023 value was at most 5.
      expect(describeChange(change, count, "nl", "extern")).toBe("12 (2024) · 2023: < 10 · nog 7 van streefwaarde 5 (2026)");
      expect(describeChange(change, count, "nl", "intern")).toBe(
        "12 (2024) · ▲ +8 (+200%) t.o.v. 2023 · streefwaarde 5 (2026) niet meer gehaald",
      );
    });

    it("protects counts whose unit is not exactly 'aantal' (issue #13: '2 aantal personen' reached guests)", () => {
      const persons = buildIndicator({ unit: "aantal personen", direction: "lager-is-beter" });
      const change = detectChange(persons, series({ "2023": 14, "2024": 2 }), "2024");
      expect(describeChange(change, persons, "nl", "extern")).toBe("< 10 aantal personen (2024) · 2023: 14 aantal personen");
      const explicit = buildIndicator({ unit: "zorgtrajecten", count: true, direction: "lager-is-beter" });
      expect(describeChange(detectChange(explicit, series({ "2024": 2 }), "2024"), explicit, "nl", "extern")).toMatch(/^< 10 zorgtrajecten \(2024\)/);
    });

    it("hides zero like any small count (a 0 next to '< 10' tells who is not in it)", () => {
      const change = detectChange(count, series({ "2023": 0, "2024": 12 }), "2024");
      expect(describeChange(change, count, "nl", "extern")).toBe("12 (2024) · 2023: < 10 · nog 7 van streefwaarde 5 (2026)");
    });

    it("hides a small corrected-from value", () => {
      const change = detectChange(count, series({ "2023": 20, "2024": 12 }), "2024", { correctedFrom: 8 });
      expect(describeChange(change, count, "nl", "extern")).toBe(
        "12 (2024) · ▼ -8 (-40%) t.o.v. 2023 · gecorrigeerd (was < 10) · nog 7 van streefwaarde 5 (2026)",
      );
    });
  });
});
