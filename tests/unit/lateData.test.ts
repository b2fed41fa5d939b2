// Proves which period is overdue, since when (period end + publication lag) and by how much, and its one-line text.
import { describe, it, expect } from "vitest";
import { PUBLICATION_LAG_DAYS, describeLateData, detectLateData } from "../../src/domain/lateData.ts";
import type { Frequency } from "../../src/domain/din.ts";
import { buildIndicator } from "../support/factories.ts";

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ind = (frequency: Frequency) => buildIndicator({ frequency });

describe("PUBLICATION_LAG_DAYS", () => {
  it("has one lag per frequency", () => {
    expect(PUBLICATION_LAG_DAYS).toEqual({ jaarlijks: 183, kwartaal: 92, maand: 61, week: 21 });
  });
});

describe("detectLateData", () => {
  it.each([
    // frequency, latest, due period, due since (period end + lag)
    ["jaarlijks", "2023", "2024", "2025-07-03"],
    ["kwartaal", "2024-Q4", "2025-Q1", "2025-07-02"],
    ["kwartaal", "2023", "2024-Q1", "2024-07-02"],
    ["maand", "2024-12", "2025-01", "2025-04-03"],
    ["week", "2020-W53", "2021-W01", "2021-02-01"],
  ] as const)("%s after %s: %s is due from %s", (frequency, latest, duePeriod, since) => {
    const dueSince = at(since);
    const dayBefore = new Date(dueSince.getTime() - 1);
    expect(detectLateData(ind(frequency), latest, dayBefore)).toBeUndefined();
    expect(detectLateData(ind(frequency), latest, dueSince)).toEqual({
      indicatorId: "ind-jeugdhulp",
      goalId: "doel-gezond-opgroeien",
      frequency,
      latestPeriod: latest,
      duePeriod,
      dueSince,
      daysOverdue: 0,
      periodsOverdue: 1,
    });
  });

  it("counts whole days overdue", () => {
    expect(detectLateData(ind("jaarlijks"), "2023", new Date("2025-07-13T18:00:00Z"))?.daysOverdue).toBe(10);
  });

  it("counts further overdue periods, so a stopped source stands out", () => {
    const late = detectLateData(ind("jaarlijks"), "2022", at("2025-08-01"));
    expect(late).toMatchObject({ duePeriod: "2023", dueSince: at("2024-07-02"), periodsOverdue: 2 });

    const monthly = detectLateData(ind("maand"), "2024-10", at("2025-05-15"));
    // 2024-11 (due 2025-01-31) .. 2025-02 (due 2025-05-01) are overdue; 2025-03 is due from 2025-06-01.
    expect(monthly).toMatchObject({ duePeriod: "2024-11", periodsOverdue: 4 });
  });

  it("without any value, reports the most recent period past its due date", () => {
    expect(detectLateData(ind("jaarlijks"), undefined, at("2025-08-01"))).toEqual({
      indicatorId: "ind-jeugdhulp",
      goalId: "doel-gezond-opgroeien",
      frequency: "jaarlijks",
      duePeriod: "2024",
      dueSince: at("2025-07-03"),
      daysOverdue: 29,
      periodsOverdue: 1,
    });
    // 2024 is only due from 2025-07-03, so 2023 is the one missing.
    expect(detectLateData(ind("jaarlijks"), undefined, at("2025-03-01"))).toMatchObject({ duePeriod: "2023", dueSince: at("2024-07-02") });
    // The month before is never due yet (lag 61 days); a source that never delivered must still show.
    expect(detectLateData(ind("maand"), undefined, at("2025-05-15"))).toMatchObject({ duePeriod: "2025-02", dueSince: at("2025-05-01") });
    expect(detectLateData(ind("week"), undefined, at("2025-05-15"))).toMatchObject({ duePeriod: "2025-W16", periodsOverdue: 1 });
  });

  it("is not due for a value that is fresh", () => {
    expect(detectLateData(ind("week"), "2025-W20", at("2025-05-20"))).toBeUndefined();
  });

  it("throws on a non-canonical latest period (caller bug)", () => {
    expect(() => detectLateData(ind("jaarlijks"), "vorig jaar", at("2025-01-01"))).toThrow(/invalid period/);
  });
});

describe("describeLateData", () => {
  it("writes one line in Dutch and English", () => {
    const late = detectLateData(ind("jaarlijks"), "2023", new Date("2025-07-13T09:00:00Z"));
    if (!late) throw new Error("expected late data");
    expect(describeLateData(late, "nl")).toBe("waarde voor 2024 verwacht sinds 3 juli 2025 (10 dagen te laat)");
    expect(describeLateData(late, "en")).toBe("value for 2024 expected since 3 July 2025 (10 days late)");
  });

  it("mentions further missing periods and a source that never delivered", () => {
    const stopped = detectLateData(ind("kwartaal"), "2024-Q1", at("2025-01-02"));
    if (!stopped) throw new Error("expected late data");
    expect(describeLateData(stopped, "nl")).toBe(
      "waarde voor 2e kwartaal 2024 verwacht sinds 1 oktober 2024 (93 dagen te laat); ook de periode daarna ontbreekt",
    );
    const never = detectLateData(ind("maand"), undefined, at("2025-07-02"));
    if (!never) throw new Error("expected late data");
    expect(describeLateData(never, "en")).toBe("value for April 2025 expected since 1 July 2025 (1 day late); no value received yet");
  });
});

describe("detectLateData: status and expected delay from the DIN", () => {
  it("a stopped or one-off source is never late, however long ago its last figure", () => {
    for (const status of ["gestopt", "eenmalig"] as const) {
      expect(detectLateData(buildIndicator({ status }), "2016", at("2026-12-03"))).toBeUndefined();
      expect(detectLateData(buildIndicator({ status }), undefined, at("2026-12-03"))).toBeUndefined();
    }
    expect(detectLateData(buildIndicator({ status: "actief" }), "2016", at("2026-12-03"))).toBeDefined();
  });

  it("an expected delay replaces the frequency's lag: CBS annual figures 9 months after the year", () => {
    const cbs = buildIndicator({ expectedDelay: { amount: 9, unit: "maand" } });
    expect(detectLateData(cbs, "2023", at("2025-09-30"))).toBeUndefined();
    expect(detectLateData(cbs, "2023", at("2025-10-01"))).toMatchObject({ duePeriod: "2024", dueSince: at("2025-10-01"), daysOverdue: 0 });
    // Without figures: the most recent period already past its (longer) delay.
    expect(detectLateData(cbs, undefined, at("2025-09-30"))).toMatchObject({ duePeriod: "2023", dueSince: at("2024-10-01") });
  });

  it("a short delay for a monthly own registration", () => {
    const own = buildIndicator({ frequency: "maand", expectedDelay: { amount: 10, unit: "dag" } });
    expect(detectLateData(own, "2025-01", at("2025-03-11"))).toMatchObject({ duePeriod: "2025-02", dueSince: at("2025-03-11") });
  });
});
