// Proves the number rule for measurement and DIN values: comma is decimal, points group thousands only in that case or in ";"-separated files, and ambiguous text is refused.
import { describe, expect, it } from "vitest";
import { parseNumberText } from "../../src/domain/numberText.ts";

const semicolon = { pointsAsThousands: true };
const comma = { pointsAsThousands: false };

describe("parseNumberText", () => {
  it.each([
    ["12,5", 12.5],
    ["1.234,5", 1234.5],
    ["12.345.678,9", 12345678.9],
    ["1.234", 1234],
    ["12.345.678", 12345678],
    ["12.5", 12.5],
    ["0.123", 0.123],
    ["1.2345", 1.2345],
    ["€ 1.234", 1234],
    ["12,5%", 12.5],
    ["\u00a01\u00a0234 ", 1234],
    ["-3,5", -3.5],
    ["-€ 5", -5],
    ["€-5", -5],
    [",5", 0.5],
    [" 1 234 567 ", 1234567],
    ["12,5 %", 12.5],
    ["- 3", -3],
  ])("%j in a ;-file → %d", (text, expected) => {
    expect(parseNumberText(text, semicolon)).toBe(expected);
  });

  it("reads points as decimals outside ;-files", () => {
    expect(parseNumberText("1.234", comma)).toBe(1.234);
    expect(parseNumberText("1.234,5", comma)).toBe(1234.5);
  });

  it.each(["", " ", "abc", "NaN", "1,234.5", "1,2,3", "1.23.4", "12a", "Infinity", "1e3", "%", "€", "12 5", "1 23"])("refuses %j", (text) => {
    expect(parseNumberText(text, semicolon)).toBeUndefined();
  });

  it("never returns negative zero", () => {
    expect(Object.is(parseNumberText("-0", comma), 0)).toBe(true);
  });

  it("reads plain digits the quick way with the same results, and refuses a number too large to hold", () => {
    expect(parseNumberText("007,50", semicolon)).toBe(7.5);
    expect(parseNumberText("42", semicolon)).toBe(42);
    expect(parseNumberText("8.25", comma)).toBe(8.25);
    expect(parseNumberText("1" + "0".repeat(400), semicolon)).toBeUndefined();
    expect(parseNumberText("1" + "0".repeat(400) + ",5", comma)).toBeUndefined();
  });
});
