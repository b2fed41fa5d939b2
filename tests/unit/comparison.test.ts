// Proves that an indicator is shown beside its comparison areas (the DIN's compare:, matched by slug, areas
// without figures left out), that a different movement is said, and that small counts stay hidden.
import { describe, expect, it } from "vitest";
import { detectChange } from "../../src/domain/changes.ts";
import { comparisonSeries, comparisonText, divergenceTexts, type SeriesValue } from "../../src/domain/comparison.ts";
import { describeChange } from "../../src/domain/describeChange.ts";
import { buildIndicator } from "../support/factories.ts";

const ind = buildIndicator({ id: "achterstand", unit: "%", compare: ["nederland", "Noord-Holland", "regio-gooi"] });
const v = (period: string, value: number, area?: string, extra: Partial<SeriesValue> = {}): SeriesValue => ({ indicatorId: "achterstand", period, value, ...(area ? { area } : {}), ...extra });
const values: SeriesValue[] = [
  v("2024", 8, "Noord-Holland"),
  v("2023", 7.4, "Nederland"),
  v("2024", 7.1, "Nederland"),
  v("2023", 7.5, "Noord-Holland"),
  v("2024", 3, "Nederland", { dimension: "leeftijd", category: "18-25" }), // a breakdown of an area: not its total
  v("2024", 9, "Utrecht"), // not asked for
  { indicatorId: "ander", period: "2024", value: 1, area: "Nederland" },
];

describe("comparison areas", () => {
  it("takes the DIN's areas in its order, matched by slug, each area's total only; an area without figures is left out", () => {
    expect(comparisonSeries(ind, values)).toEqual([
      { area: "Nederland", points: [{ period: "2023", value: 7.4 }, { period: "2024", value: 7.1 }] },
      { area: "Noord-Holland", points: [{ period: "2023", value: 7.5 }, { period: "2024", value: 8 }] },
    ]);
    expect(comparisonSeries(buildIndicator({ id: "achterstand" }), values)).toEqual([]);
  });

  it('describes a change as "9,3% (2024; Nederland 7,1%, Noord-Holland 8%)" and says where the municipality moved differently', () => {
    const areas = comparisonSeries(ind, values);
    const change = detectChange(ind, [{ period: "2023", value: 8.6 }, { period: "2024", value: 9.3 }], "2024");
    expect(describeChange(change, ind, "nl", "intern", undefined, areas)).toBe(
      "9,3% (2024; Nederland 7,1%, Noord-Holland 8%) · ▲ +0,7 procentpunt t.o.v. 2023 · anders dan Nederland: daar daalde het (-0,3 procentpunt)",
    );
    expect(describeChange(change, ind, "en", "intern", undefined, areas)).toContain("9.3% (2024; Nederland 7.1%, Noord-Holland 8%)");
    expect(describeChange(change, ind, "en", "intern", undefined, areas)).toContain("unlike Nederland: there it fell (-0.3 percentage points)");
    // Without areas nothing changes.
    expect(describeChange(change, ind, "nl", "intern")).toBe("9,3% (2024) · ▲ +0,7 procentpunt t.o.v. 2023");
  });

  it("says when an area stood still or rose while the municipality fell, and nothing when they moved alike", () => {
    const areas = [
      { area: "Nederland", points: [{ period: "2023", value: 7 }, { period: "2024", value: 7 }] },
      { area: "Noord-Holland", points: [{ period: "2023", value: 7 }, { period: "2024", value: 7.5 }] },
      { area: "Regio", points: [{ period: "2023", value: 7 }, { period: "2024", value: 6 }] },
    ];
    const falling = detectChange(ind, [{ period: "2023", value: 9 }, { period: "2024", value: 8 }], "2024");
    expect(divergenceTexts(falling, ind, areas, "nl", "intern")).toEqual(["anders dan Nederland: daar bleef het gelijk", "anders dan Noord-Holland: daar steeg het (+0,5 procentpunt)"]);
    const first = detectChange(ind, [{ period: "2024", value: 8 }], "2024");
    expect(divergenceTexts(first, ind, areas, "nl", "intern")).toEqual([]);
  });

  it("hides small comparison counts for guests and says nothing about a movement a hidden value would reveal", () => {
    const count = buildIndicator({ id: "achterstand", unit: "aantal", count: true, compare: ["Laren"] });
    const areas = [{ area: "Laren", points: [{ period: "2023", value: 12 }, { period: "2024", value: 4 }] }];
    expect(comparisonText(count, areas, "2024", "nl", "extern")).toBe("Laren < 10");
    expect(comparisonText(count, areas, "2024", "nl", "intern")).toBe("Laren 4");
    const change = detectChange(count, [{ period: "2023", value: 20 }, { period: "2024", value: 25 }], "2024");
    expect(divergenceTexts(change, count, areas, "nl", "extern")).toEqual([]);
    expect(divergenceTexts(change, count, areas, "nl", "intern")).toEqual(["anders dan Laren: daar daalde het (-8)"]);
  });
});
