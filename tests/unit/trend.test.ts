// Proves the trend words (one test per wording, nl and en), the distance to the referentiewaarde, the pace toward the streefwaarde, and that nothing is said that a hidden small number would give away.
import { describe, it, expect } from "vitest";
import type { PeriodValue } from "../../src/domain/din.ts";
import { analyseTrend, describeTrend } from "../../src/domain/trend.ts";
import { buildIndicator } from "../support/factories.ts";

const series = (entries: Record<string, number>): PeriodValue[] => Object.entries(entries).map(([period, value]) => ({ period, value }));
const yearly = buildIndicator();

describe("describeTrend: movement", () => {
  it("stijgt al 3 jaar / rising for 3 years (three rises after a fall)", () => {
    const s = series({ "2020": 12, "2021": 10, "2022": 11, "2023": 12, "2024": 13 });
    expect(describeTrend(yearly, s, "2024", "nl").movement).toBe("stijgt al 3 jaar");
    expect(describeTrend(yearly, s, "2024", "en").movement).toBe("rising for 3 years");
  });

  it("daalt al 4 kwartalen / falling for 4 quarters, across a year boundary", () => {
    const ind = buildIndicator({ frequency: "kwartaal" });
    const s = series({ "2023-Q4": 20, "2024-Q1": 19, "2024-Q2": 18, "2024-Q3": 16, "2024-Q4": 15 });
    expect(describeTrend(ind, s, "2024-Q4", "nl").movement).toBe("daalt al 4 kwartalen");
    expect(describeTrend(ind, s, "2024-Q4", "en").movement).toBe("falling for 4 quarters");
  });

  it("months and weeks name their unit", () => {
    const monthly = series({ "2024-10": 1, "2024-11": 2, "2024-12": 3 });
    expect(describeTrend(buildIndicator({ frequency: "maand" }), monthly, "2024-12", "nl").movement).toBe("stijgt al 2 maanden");
    const weekly = series({ "2025-W52": 5, "2026-W01": 4, "2026-W02": 3 });
    expect(describeTrend(buildIndicator({ frequency: "week" }), weekly, "2026-W02", "en").movement).toBe("falling for 2 weeks");
  });

  it("schommelt / fluctuating: ups and downs without a run", () => {
    const s = series({ "2021": 10, "2022": 12, "2023": 10, "2024": 12 });
    expect(describeTrend(yearly, s, "2024", "nl").movement).toBe("schommelt");
    expect(describeTrend(yearly, s, "2024", "en").movement).toBe("fluctuating");
  });

  it("stabiel / stable: steps below 1% are no move", () => {
    const s = series({ "2022": 12.5, "2023": 12.52, "2024": 12.48 });
    expect(describeTrend(yearly, s, "2024", "nl").movement).toBe("stabiel");
    expect(describeTrend(yearly, s, "2024", "en").movement).toBe("stable");
  });

  it("says nothing with fewer than 3 consecutive values, or one move after flat ones", () => {
    expect(describeTrend(yearly, series({ "2023": 10, "2024": 12 }), "2024", "nl").movement).toBeUndefined();
    // A missing year breaks the window: 2021 and 2022 do not count toward "stijgt al".
    expect(describeTrend(yearly, series({ "2021": 8, "2022": 9, "2024": 12 }), "2024", "nl").movement).toBeUndefined();
    expect(describeTrend(yearly, series({ "2022": 10, "2023": 10, "2024": 12 }), "2024", "nl").movement).toBeUndefined();
  });

  it("looks at most 5 values back and ignores later periods and other kinds", () => {
    const s = series({ "2018": 1, "2019": 2, "2020": 3, "2021": 4, "2022": 5, "2023": 6, "2024": 7, "2025": 1, "2024-Q1": 99 });
    expect(analyseTrend(yearly, s, "2024").movement).toEqual({ kind: "stijgt", steps: 4, unit: "year" });
  });
});

describe("describeTrend: referentiewaarde", () => {
  const ind = buildIndicator({ baseline: { period: "2020", value: 7 } });
  it("above, below and equal, with procentpunten", () => {
    expect(describeTrend(ind, series({ "2024": 9.1 }), "2024", "nl").baseline).toBe("2,1 procentpunt boven referentiewaarde 7% (2020)");
    expect(describeTrend(ind, series({ "2024": 9.1 }), "2024", "en").baseline).toBe("2.1 percentage points above baseline 7% (2020)");
    expect(describeTrend(ind, series({ "2024": 6 }), "2024", "nl").baseline).toBe("1 procentpunt onder referentiewaarde 7% (2020)");
    expect(describeTrend(ind, series({ "2024": 6 }), "2024", "en").baseline).toBe("1 percentage point below baseline 7% (2020)");
    expect(describeTrend(ind, series({ "2024": 7 }), "2024", "nl").baseline).toBe("gelijk aan referentiewaarde 7% (2020)");
    expect(describeTrend(ind, series({ "2024": 7 }), "2024", "en").baseline).toBe("equal to baseline 7% (2020)");
  });
});

describe("describeTrend: pace toward the streefwaarde", () => {
  // lager-is-beter, target 7% in 2026; the window falls 1 procentpunt a year.
  const ind = buildIndicator({ target: { period: "2026", value: 7 } });

  it("op dit tempo gehaald in 2025 / at this pace reached in 2025", () => {
    const s = series({ "2022": 10, "2023": 9, "2024": 8 });
    expect(describeTrend(ind, s, "2024", "nl").pace).toBe("op dit tempo gehaald in 2025");
    expect(describeTrend(ind, s, "2024", "en").pace).toBe("at this pace reached in 2025");
  });

  it("too slow: pas gehaald in 2032, na 2026 / reached only in 2032, after 2026", () => {
    const s = series({ "2022": 12, "2023": 11.5, "2024": 11 }); // 0,5 a year, 4 to go: 8 years
    expect(describeTrend(ind, s, "2024", "nl").pace).toBe("op dit tempo pas gehaald in 2032, na 2026");
    expect(describeTrend(ind, s, "2024", "en").pace).toBe("at this pace reached only in 2032, after 2026");
  });

  it("moving away or standing still: niet gehaald in 2026 / not reached by 2026", () => {
    const away = series({ "2022": 8, "2023": 9, "2024": 10 });
    expect(describeTrend(ind, away, "2024", "nl").pace).toBe("op dit tempo niet gehaald in 2026");
    expect(describeTrend(ind, away, "2024", "en").pace).toBe("at this pace not reached by 2026");
    expect(analyseTrend(ind, series({ "2022": 9, "2023": 9, "2024": 9 }), "2024").pace).toEqual({ kind: "never" });
  });

  it("a quarterly series projects in quarters against a yearly target", () => {
    const q = buildIndicator({ frequency: "kwartaal", direction: "hoger-is-beter", target: { period: "2025", value: 80 } });
    const s = series({ "2024-Q2": 70, "2024-Q3": 72, "2024-Q4": 74 });
    expect(describeTrend(q, s, "2024-Q4", "nl").pace).toBe("op dit tempo gehaald in 3e kwartaal 2025");
  });

  it("nothing when the target is reached, its period has come, it is neutral, or the window is short", () => {
    expect(analyseTrend(ind, series({ "2022": 8, "2023": 7.5, "2024": 6 }), "2024").pace).toBeUndefined();
    expect(analyseTrend(ind, series({ "2024": 10, "2025": 9, "2026": 8 }), "2026").pace).toBeUndefined();
    const neutral = buildIndicator({ direction: "neutraal", target: { period: "2026", value: 7 } });
    expect(analyseTrend(neutral, series({ "2022": 10, "2023": 9, "2024": 8 }), "2024").pace).toBeUndefined();
    expect(analyseTrend(ind, series({ "2023": 9, "2024": 8 }), "2024").pace).toBeUndefined();
  });
});

describe("describeTrend: small numbers for an external audience", () => {
  const counts = buildIndicator({ unit: "aantal", count: true, baseline: { period: "2020", value: 20 }, target: { period: "2026", value: 5 } });

  it("says nothing when the value itself is hidden", () => {
    const s = series({ "2022": 14, "2023": 11, "2024": 8 });
    expect(describeTrend(counts, s, "2024", "nl", "extern")).toEqual({});
    expect(describeTrend(counts, s, "2024", "nl", "intern").movement).toBe("daalt al 2 jaar");
  });

  it("keeps the baseline distance but no movement or pace when an earlier value in the window is hidden", () => {
    const s = series({ "2022": 8, "2023": 11, "2024": 12 });
    const text = describeTrend(counts, s, "2024", "nl", "extern");
    expect(text).toEqual({ baseline: "8 onder referentiewaarde 20 (2020)" });
  });

  it("says nothing of a referentiewaarde that is itself a hidden small number", () => {
    const smallBaseline = buildIndicator({ unit: "aantal", count: true, baseline: { period: "2020", value: 4 } });
    expect(describeTrend(smallBaseline, series({ "2024": 12 }), "2024", "nl", "extern").baseline).toBeUndefined();
    expect(describeTrend(smallBaseline, series({ "2024": 12 }), "2024", "nl", "intern").baseline).toBe("8 boven referentiewaarde 4 (2020)");
  });
});
