// Proves exact nl-NL/English number, value, delta and relative strings, and the kleine-aantallen rule per audience.
import { describe, it, expect } from "vitest";
import {
  formatDate,
  formatDelta,
  formatDifference,
  formatNumber,
  formatRelative,
  formatValue,
  isSuppressed,
} from "../../src/domain/format.ts";
import { isCount, smallNumberLimit } from "../../src/domain/din.ts";

describe("formatNumber", () => {
  it.each([
    [1234, "1.234", "1,234"],
    [1234567, "1.234.567", "1,234,567"],
    [999, "999", "999"],
    [12.5, "12,5", "12.5"],
    [12.54, "12,5", "12.5"],
    [12.56, "12,6", "12.6"],
    [12.0, "12", "12"],
    [1234.56, "1.234,6", "1,234.6"],
    [-3, "-3", "-3"],
    [-1234.5, "-1.234,5", "-1,234.5"],
    [0, "0", "0"],
    [-0, "0", "0"],
    [0.04, "0,04", "0.04"],
    [0.355, "0,36", "0.36"],
    [-0.004, "0", "0"],
  ])("%d → %s / %s", (value, nl, en) => {
    expect(formatNumber(value, "nl")).toBe(nl);
    expect(formatNumber(value, "en")).toBe(en);
  });

  it("uses fixed decimals when asked", () => {
    expect(formatNumber(12, "nl", { decimals: 2 })).toBe("12,00");
    expect(formatNumber(1234.5678, "en", { decimals: 2 })).toBe("1,234.57");
    expect(formatNumber(-0.4, "nl", { decimals: 0 })).toBe("0");
  });

  it("reads non-finite values as unknown", () => {
    expect(formatNumber(Number.NaN, "nl")).toBe("onbekend");
    expect(formatNumber(Number.POSITIVE_INFINITY, "en")).toBe("unknown");
  });
});

describe("formatValue", () => {
  const intern = { audience: "intern" } as const;
  it.each([
    [12.5, "%", "12,5%", "12.5%"],
    [-0.4, "%", "-0,4%", "-0.4%"],
    [1234, "€", "€ 1.234", "€1,234"],
    [12.5, "€", "€ 12,50", "€12.50"],
    [-1234, "euro", "-€ 1.234", "-€1,234"],
    [1234, "aantal", "1.234", "1,234"],
    [1234, " Aantal ", "1.234", "1,234"],
    [7, "", "7", "7"],
    [3.2, "per 1.000 inwoners", "3,2 per 1.000 inwoners", "3.2 per 1.000 inwoners"],
  ])("%d %j → %s / %s", (value, unit, nl, en) => {
    expect(formatValue(value, unit, "nl", intern)).toBe(nl);
    expect(formatValue(value, unit, "en", intern)).toBe(en);
  });

  it.each([
    [0, "extern", "< 10"],
    [1, "extern", "< 10"],
    [9, "extern", "< 10"],
    [9.5, "extern", "< 10"],
    [10, "extern", "10"],
    [1234, "extern", "1.234"],
    [1, "intern", "1"],
    [9, "intern", "9"],
  ] as const)("kleine aantallen: %d for %s → %s", (value, audience, shown) => {
    expect(formatValue(value, "aantal", "nl", { audience, smallNumbers: 10 })).toBe(shown);
  });

  it("shows '< 10' in English too, and applies the unit to the limit", () => {
    expect(formatValue(4, "aantal", "en", { audience: "extern", smallNumbers: 10 })).toBe("< 10");
    expect(formatValue(4, "aantal", "nl", { audience: "extern", smallNumbers: 1000 })).toBe("< 1.000");
    expect(formatValue(4, "per 1.000 inwoners", "nl", { audience: "extern", smallNumbers: 5 })).toBe("< 5 per 1.000 inwoners");
  });

  it("does not suppress without a limit", () => {
    expect(formatValue(4, "aantal", "nl", { audience: "extern" })).toBe("4");
  });

  it("isSuppressed: zero is a small count too; negatives (no count) are never hidden", () => {
    expect(isSuppressed(0, "extern", 10)).toBe(true);
    expect(isSuppressed(0, "intern", 10)).toBe(false);
    expect(isSuppressed(-3, "extern", 10)).toBe(false);
    expect(isSuppressed(3, "extern", 10)).toBe(true);
    expect(isSuppressed(3, "intern", 10)).toBe(false);
    expect(isSuppressed(3, "extern", undefined)).toBe(false);
  });
});

describe("formatDelta", () => {
  it.each([
    [1.8, "%", "+1,8 procentpunt", "+1.8 percentage points"],
    [-0.4, "%", "-0,4 procentpunt", "-0.4 percentage points"],
    [1, "%", "+1 procentpunt", "+1 percentage point"],
    [12.5 - 10.7, "%", "+1,8 procentpunt", "+1.8 percentage points"],
    [12, "aantal", "+12", "+12"],
    [-3, "aantal", "-3", "-3"],
    [1234, "aantal", "+1.234", "+1,234"],
    [3400, "€", "+€ 3.400", "+€3,400"],
    [-3400, "€", "-€ 3.400", "-€3,400"],
    [0.3, "per 1.000 inwoners", "+0,3 per 1.000 inwoners", "+0.3 per 1.000 inwoners"],
    [0, "aantal", "±0", "±0"],
    [0, "%", "±0 procentpunt", "±0 percentage points"],
    [0.001, "%", "±0 procentpunt", "±0 percentage points"],
    [0, "€", "±€ 0", "±€0"],
  ])("%d %j → %s / %s", (delta, unit, nl, en) => {
    expect(formatDelta(delta, unit, "nl")).toBe(nl);
    expect(formatDelta(delta, unit, "en")).toBe(en);
  });
});

describe("formatDifference (unsigned)", () => {
  it.each([
    [2.5, "%", "2,5 procentpunt"],
    [-2.5, "%", "2,5 procentpunt"],
    [3400, "€", "€ 3.400"],
    [12, "aantal", "12"],
    [0.3, "per 1.000 inwoners", "0,3 per 1.000 inwoners"],
  ])("%d %j → %s", (value, unit, nl) => {
    expect(formatDifference(value, unit, "nl")).toBe(nl);
  });
});

describe("formatRelative", () => {
  it.each([
    [0.052, "+5,2%", "+5.2%"],
    [-0.12, "-12%", "-12%"],
    [1.5, "+150%", "+150%"],
    [0, "±0%", "±0%"],
    [12.345, "+1.234,5%", "+1,234.5%"],
  ])("%d → %s / %s", (relative, nl, en) => {
    expect(formatRelative(relative, "nl")).toBe(nl);
    expect(formatRelative(relative, "en")).toBe(en);
  });
});

describe("formatDate", () => {
  it("writes a UTC calendar date", () => {
    expect(formatDate(new Date("2025-07-03T00:00:00Z"), "nl")).toBe("3 juli 2025");
    expect(formatDate(new Date("2025-07-03T23:30:00Z"), "en")).toBe("3 July 2025");
  });
});

describe("count-ness: which indicators the kleine-aantallen rule protects", () => {
  const shown = (unit: string, count?: boolean) =>
    formatValue(2, unit, "nl", { audience: "extern", smallNumbers: smallNumberLimit({ unit, ...(count === undefined ? {} : { count }) }) });

  it.each(["aantal", "Aantal", "aantal personen", "aantal huishoudens", "personen", "cliënten", "Cliënten (18+)", "jongeren"])(
    "guesses %s as a count when the DIN does not say (safe side)",
    (unit) => {
      expect(isCount({ unit })).toBe(true);
      expect(shown(unit)).toMatch(/^< 10/);
    },
  );

  it.each(["%", "€", "per 1.000 inwoners", "% van de inwoners", "dagen", "euro per huishouden", "index"])("does not guess %s as a count", (unit) => {
    expect(isCount({ unit })).toBe(false);
    expect(shown(unit)).not.toMatch(/^</);
  });

  it("follows an explicit count field over the guess", () => {
    expect(shown("dossiers in behandeling", false)).toBe("2 dossiers in behandeling");
    expect(shown("stuks", true)).toBe("< 10 stuks");
    expect(shown("gemiddelde wachttijd", true)).toBe("< 10 gemiddelde wachttijd");
    expect(smallNumberLimit({ unit: "aantal", count: false })).toBeUndefined();
  });
});

