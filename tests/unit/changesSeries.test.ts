// Proves the one-pass detection over a whole series (detectChanges) and the compact stored form of a
// change (changeRecord / changeFromRecord): the same changes as a straightforward per-value search.
import { describe, expect, it } from "vitest";
import { changeFromRecord, changeRecord, detectChangeRecords } from "../../src/domain/changeRecord.ts";
import { detectChange, detectChanges, type SeriesPoint } from "../../src/domain/changes.ts";
import { comparePeriods, isoWeeksInYear, makePeriod, parsePeriod, yearEarlier, type Period } from "../../src/domain/period.ts";
import { buildIndicator } from "../support/factories.ts";

const parse = (key: string): Period => {
  const p = parsePeriod(key);
  if (!p.ok) throw new Error(key);
  return p.period;
};

/** 10 years of ISO weeks with a few gaps, shuffled, plus yearly values that must be ignored. */
function weeklySeries(): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let year = 2015; year < 2025; year++) {
    for (let week = 1; week <= isoWeeksInYear(year); week++) {
      if (random() < 0.05) continue; // a missing week: gaps and missing year-earlier values
      points.push({ period: makePeriod("week", year, week).key, value: Math.round(random() * 400) / 10 });
    }
    points.push({ period: String(year), value: year });
  }
  return points.sort(() => random() - 0.5);
}

describe("detectChanges over a long weekly series", () => {
  const indicator = buildIndicator({ frequency: "week", target: { period: "2026", value: 20 }, baseline: { period: "2015", value: 25 } });
  const series = weeklySeries();
  const weeks = series.filter((p) => p.period.includes("W"));

  it("finds, for every week, the latest earlier week and the same week a year earlier, like a search per value", () => {
    const changes = detectChanges(indicator, series, weeks.map((p) => ({ period: p.period })));
    expect(changes).toHaveLength(weeks.length);
    const parsed = weeks.map((p) => parse(p.period));
    for (const [i, point] of weeks.entries()) {
      const current = parse(point.period);
      const latest = parsed.filter((p) => comparePeriods(p, current) < 0).sort(comparePeriods).at(-1);
      const change = changes[i]!;
      expect(change.period).toBe(point.period);
      expect(change.previous?.period).toBe(latest?.key);
      const yearAgoKey = yearEarlier(current).key;
      expect(change.yearEarlier?.period).toBe(weeks.some((p) => p.period === yearAgoKey) ? yearAgoKey : undefined);
    }
  });

  it("gives the same change as detectChange per value, corrections included", () => {
    const requests = weeks.slice(0, 60).map((p, i) => (i % 7 === 0 ? { period: p.period, correctedFrom: p.value + 3 } : { period: p.period }));
    expect(detectChanges(indicator, series, requests)).toEqual(requests.map((r) => detectChange(indicator, series, r.period, r)));
  });

  it("stores a change compactly and gets exactly the same change back", () => {
    const requests = weeks.map((p, i) => (i % 5 === 0 ? { period: p.period, correctedFrom: p.value * 2 } : { period: p.period }));
    for (const change of detectChanges(indicator, series, requests)) {
      expect(changeFromRecord(indicator, changeRecord(change))).toEqual(change);
    }
    const yearly = detectChanges(indicator, series, [{ period: "2020" }, { period: "2015" }]);
    for (const change of yearly) expect(changeFromRecord(indicator, changeRecord(change))).toEqual(change);
  });

  it("detects for an import the same records and significance as the full changes, without building them", () => {
    // Random values around the streefwaarde (20): crossings both ways, moves over and under the threshold.
    const requests = weeks.map((p, i) => (i % 5 === 0 ? { period: p.period, correctedFrom: p.value * 2 } : { period: p.period }));
    for (const subject of [indicator, buildIndicator({ ...indicator, threshold: { absolute: 4 } }), buildIndicator({ ...indicator, direction: "hoger-is-beter" })]) {
      const full = detectChanges(subject, series, requests);
      const records = detectChangeRecords(subject, series, requests);
      expect(records.map(({ significant, ...record }) => ({ record, significant }))).toEqual(full.map((c) => ({ record: changeRecord(c), significant: c.significant })));
      expect(records.map((r) => changeFromRecord(subject, r))).toEqual(full);
      // Not a test that cannot fail: both kinds occur.
      expect(new Set(full.map((c) => c.significant))).toEqual(new Set([true, false]));
      expect(full.some((c) => c.significanceReasons.includes("target-crossing"))).toBe(true);
    }
  });

  it("throws for a period that is not in the series", () => {
    expect(() => detectChanges(indicator, series, [{ period: "2030-W01" }])).toThrow(/no value for 2030-W01/);
  });
});
