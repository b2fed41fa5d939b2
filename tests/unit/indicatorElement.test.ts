// Proves that an indicator's figure reaches renderers as structured parts (value, changes, target), not as
// prose to split again, and that the one-line description is exactly those parts joined.
import { describe, expect, it } from "vitest";
import type { IndicatorChange } from "../../src/domain/changes.ts";
import { describeChange, describeChangeParts } from "../../src/domain/describeChange.ts";
import { indicatorElement } from "../../src/app/sessions/messages.ts";
import { buildIndicator } from "../support/factories.ts";

const jeugdhulp = buildIndicator({ id: "jeugdhulp", name: "Jongeren met jeugdhulp", source: "CBS", target: { period: "2026", value: 10 } });
const change = {
  indicatorId: "jeugdhulp",
  period: "2024",
  value: 12.5,
  significant: true,
  assessment: "slechter",
  previous: { period: "2023", value: 10.7, absolute: 1.8, relative: 0.168 },
  target: { period: "2026", value: 10, reached: false, distance: 2.5 },
} as unknown as IndicatorChange;

describe("an indicator's figure as parts", () => {
  it("gives value, changes and target apart; the line is those parts joined", () => {
    const parts = describeChangeParts(change, jeugdhulp, "nl", "intern");
    expect(parts).toEqual({ value: "12,5% (2024)", changes: ["▲ +1,8 procentpunt t.o.v. 2023"], target: "nog 2,5 procentpunt van streefwaarde 10% (2026)" });
    expect(describeChange(change, jeugdhulp, "nl", "intern")).toBe([parts.value, ...parts.changes, parts.target].join(" · "));
  });

  it("hands the renderer the target as its own field", () => {
    expect(indicatorElement(jeugdhulp, change, "leerkring", "nl")).toEqual({
      type: "indicator",
      name: "Jongeren met jeugdhulp",
      value: "12,5% (2024)",
      change: "▲ +1,8 procentpunt t.o.v. 2023",
      target: "nog 2,5 procentpunt van streefwaarde 10% (2026)",
      tone: "bad",
      source: "Bron: CBS · 2024",
    });
  });

  it("with the series: the trend words join the changes, the pace the target and the referentiewaarde follows it", () => {
    const withBaseline = { ...jeugdhulp, baseline: { period: "2020", value: 9 } };
    const series = [
      { period: "2021", value: 9.6 },
      { period: "2022", value: 10.1 },
      { period: "2023", value: 10.7 },
      { period: "2024", value: 12.5 },
      { period: "2025", value: 1 }, // later than the change: not part of its words
    ];
    const parts = describeChangeParts(change, withBaseline, "nl", "intern", series);
    expect(parts.trend).toBe("stijgt al 3 jaar");
    expect(parts.target).toBe("nog 2,5 procentpunt van streefwaarde 10% (2026), op dit tempo niet gehaald in 2026");
    expect(parts.baseline).toBe("3,5 procentpunt boven referentiewaarde 9% (2020)");
    expect(describeChange(change, withBaseline, "nl", "intern", series)).toBe([parts.value, ...parts.changes, parts.trend, parts.target, parts.baseline].join(" · "));
    expect(indicatorElement(withBaseline, change, "leerkring", "en", series)).toMatchObject({
      change: "▲ +1.8 percentage points vs 2023 · rising for 3 years",
      target: "2.5 percentage points from target 10% (2026), at this pace not reached by 2026 · 3.5 percentage points above baseline 9% (2020)",
    });
  });
});
