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
});
