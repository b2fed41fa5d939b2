// Proves period parsing (all accepted spellings, range errors in nl/en), arithmetic across year and ISO-week boundaries, and display.
import { describe, it, expect } from "vitest";
import {
  comparePeriods,
  formatPeriod,
  frequencyKind,
  isoWeeksInYear,
  makePeriod,
  nextPeriod,
  parseCalendarDate,
  parsePeriod,
  periodContaining,
  periodEnd,
  periodStart,
  previousPeriod,
  shiftPeriod,
  yearEarlier,
} from "../../src/domain/period.ts";
import type { Period } from "../../src/domain/period.ts";

function p(raw: string): Period {
  const r = parsePeriod(raw);
  if (!r.ok) throw new Error(r.message);
  return r.period;
}

describe("parsePeriod accepts", () => {
  it.each([
    [2024, "2024", "year", 1],
    ["2024", "2024", "year", 1],
    [" 2024 ", "2024", "year", 1],
    ["2024-Q1", "2024-Q1", "quarter", 1],
    ["2024Q1", "2024-Q1", "quarter", 1],
    ["2024-q4", "2024-Q4", "quarter", 4],
    ["2024-K1", "2024-Q1", "quarter", 1],
    ["2024k3", "2024-Q3", "quarter", 3],
    ["2024-03", "2024-03", "month", 3],
    ["2024-3", "2024-03", "month", 3],
    ["2024-12", "2024-12", "month", 12],
    ["2024-W12", "2024-W12", "week", 12],
    ["2024w5", "2024-W05", "week", 5],
    ["2020-W53", "2020-W53", "week", 53],
    ["2026-w53", "2026-W53", "week", 53],
    ["1900", "1900", "year", 1],
    ["2200", "2200", "year", 1],
  ] as const)("%j → %s", (raw, key, kind, index) => {
    const r = parsePeriod(raw);
    expect(r).toEqual({ ok: true, period: { kind, year: Number(key.slice(0, 4)), index, key } });
  });
});

describe("parsePeriod rejects", () => {
  it.each([
    ["2024-13", 'ongeldige periode "2024-13": maand moet 1 t/m 12 zijn', 'invalid period "2024-13": month must be 1 to 12'],
    ["2024-00", 'ongeldige periode "2024-00": maand moet 1 t/m 12 zijn', 'invalid period "2024-00": month must be 1 to 12'],
    ["2024-Q5", 'ongeldige periode "2024-Q5": kwartaal moet 1 t/m 4 zijn', 'invalid period "2024-Q5": quarter must be 1 to 4'],
    ["2024-Q0", 'ongeldige periode "2024-Q0": kwartaal moet 1 t/m 4 zijn', 'invalid period "2024-Q0": quarter must be 1 to 4'],
    ["2020-W54", 'ongeldige periode "2020-W54": week moet 1 t/m 53 zijn', 'invalid period "2020-W54": week must be 1 to 53'],
    [
      "2024-W53",
      'ongeldige periode "2024-W53": 2024 heeft geen week 53 (ISO-weken 1 t/m 52)',
      'invalid period "2024-W53": 2024 has no week 53 (ISO weeks 1 to 52)',
    ],
    ["1899", 'ongeldige periode "1899": jaar moet 1900 t/m 2200 zijn', 'invalid period "1899": year must be 1900 to 2200'],
    ["2201-Q1", 'ongeldige periode "2201-Q1": jaar moet 1900 t/m 2200 zijn', 'invalid period "2201-Q1": year must be 1900 to 2200'],
  ])("%s", (raw, message, messageEn) => {
    expect(parsePeriod(raw)).toEqual({ ok: false, message, messageEn });
  });

  it.each(["", "abc", "24", "2024-", "2024/03", "03-2024", "2024-H1", "202403"])("unknown format %j", (raw) => {
    const r = parsePeriod(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("verwacht een jaar (2024), kwartaal (2024-Q1), maand (2024-03) of week (2024-W12)");
  });

  it("rejects a non-integer number", () => {
    expect(parsePeriod(2024.5).ok).toBe(false);
  });
});

describe("ISO weeks", () => {
  it.each([
    [2015, 53],
    [2019, 52],
    [2020, 53],
    [2024, 52],
    [2026, 53],
  ])("%i has %i weeks", (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it("week 1 starts on the Monday of the week holding 4 January", () => {
    expect(periodStart(p("2024-W01")).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(periodStart(p("2026-W01")).toISOString()).toBe("2025-12-29T00:00:00.000Z");
    expect(periodStart(p("2021-W01")).toISOString()).toBe("2021-01-04T00:00:00.000Z");
  });

  it("a date in early January can belong to the previous ISO year", () => {
    expect(periodContaining(new Date("2021-01-03T12:00:00Z"), "week").key).toBe("2020-W53");
    expect(periodContaining(new Date("2025-12-30T00:00:00Z"), "week").key).toBe("2026-W01");
  });
});

describe("previous / next / yearEarlier", () => {
  it.each([
    ["2024", "2023", "2025"],
    ["2024-Q1", "2023-Q4", "2024-Q2"],
    ["2024-Q4", "2024-Q3", "2025-Q1"],
    ["2024-01", "2023-12", "2024-02"],
    ["2024-12", "2024-11", "2025-01"],
    ["2021-W01", "2020-W53", "2021-W02"],
    ["2020-W53", "2020-W52", "2021-W01"],
    ["2024-W52", "2024-W51", "2025-W01"],
  ])("%s: previous %s, next %s", (key, prev, next) => {
    expect(previousPeriod(p(key)).key).toBe(prev);
    expect(nextPeriod(p(key)).key).toBe(next);
  });

  it("shifts several steps", () => {
    expect(shiftPeriod(p("2024-02"), -14).key).toBe("2022-12");
    expect(shiftPeriod(p("2024-Q3"), 6).key).toBe("2026-Q1");
  });

  it.each([
    ["2024", "2023"],
    ["2024-Q1", "2023-Q1"],
    ["2024-03", "2023-03"],
    ["2024-W12", "2023-W12"],
    ["2021-W01", "2020-W01"],
    ["2026-W53", "2025-W52"],
  ])("yearEarlier(%s) = %s", (key, earlier) => {
    expect(yearEarlier(p(key)).key).toBe(earlier);
  });
});

describe("comparePeriods", () => {
  it("orders by year, then index", () => {
    const keys = ["2024-Q1", "2023-Q4", "2024-Q3", "2023-Q1"];
    expect(keys.map(p).sort(comparePeriods).map((x) => x.key)).toEqual(["2023-Q1", "2023-Q4", "2024-Q1", "2024-Q3"]);
    expect(comparePeriods(p("2024-03"), p("2024-03"))).toBe(0);
  });

  it("refuses to compare different kinds", () => {
    expect(() => comparePeriods(p("2024"), p("2024-Q1"))).toThrow(/different kinds/);
  });
});

describe("periodStart / periodEnd (exclusive)", () => {
  it.each([
    ["2024", "2024-01-01", "2025-01-01"],
    ["2024-Q1", "2024-01-01", "2024-04-01"],
    ["2024-Q4", "2024-10-01", "2025-01-01"],
    ["2024-02", "2024-02-01", "2024-03-01"],
    ["2024-W12", "2024-03-18", "2024-03-25"],
  ])("%s runs from %s up to (not including) %s", (key, start, end) => {
    expect(periodStart(p(key)).toISOString()).toBe(`${start}T00:00:00.000Z`);
    expect(periodEnd(p(key)).toISOString()).toBe(`${end}T00:00:00.000Z`);
  });
});

describe("periodContaining and frequencyKind", () => {
  it("finds the period of a date", () => {
    const d = new Date("2024-05-15T23:59:59Z");
    expect(["year", "quarter", "month", "week"].map((k) => periodContaining(d, k as Period["kind"]).key)).toEqual([
      "2024",
      "2024-Q2",
      "2024-05",
      "2024-W20",
    ]);
  });

  it("maps frequencies to period kinds", () => {
    expect(frequencyKind("jaarlijks")).toBe("year");
    expect(frequencyKind("kwartaal")).toBe("quarter");
    expect(frequencyKind("maand")).toBe("month");
    expect(frequencyKind("week")).toBe("week");
  });
});

describe("formatPeriod", () => {
  it.each([
    ["2024", "2024", "2024"],
    ["2024-Q1", "1e kwartaal 2024", "Q1 2024"],
    ["2024-03", "maart 2024", "March 2024"],
    ["2024-W12", "week 12 2024", "week 12 2024"],
  ])("%s → %s / %s", (key, nl, en) => {
    expect(formatPeriod(p(key), "nl")).toBe(nl);
    expect(formatPeriod(p(key), "en")).toBe(en);
  });
});

describe("parseCalendarDate", () => {
  it("reads an existing day as 00:00 UTC, leap days included", () => {
    expect(parseCalendarDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseCalendarDate(" 2025-12-31 ")?.toISOString()).toBe("2025-12-31T00:00:00.000Z");
  });

  it.each(["2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-5", "0000-01-01", "gisteren", ""])(
    "refuses %j instead of rolling it over",
    (text) => {
      expect(parseCalendarDate(text)).toBeUndefined();
    },
  );
});

describe("shiftPeriod by one week (the fast path) agrees with shifting by dates", () => {
  it("for every ISO week of 2014–2031, across 52- and 53-week years", () => {
    const DAY = 86_400_000;
    for (let year = 2014; year <= 2031; year++) {
      for (let week = 1; week <= isoWeeksInYear(year); week++) {
        const p = makePeriod("week", year, week);
        for (const steps of [-1, 1]) {
          const byDate = new Date(periodStart(p).getTime() + steps * 7 * DAY);
          expect(periodStart(shiftPeriod(p, steps)).getTime()).toBe(byDate.getTime());
        }
      }
    }
  });
});
