// Proves changes and late data are grouped per doel in DIN order (opgave, goal; effect before prestatie), without dropping unknown goals.
import { describe, it, expect } from "vitest";
import { detectChange } from "../../src/domain/changes.ts";
import type { IndicatorChange } from "../../src/domain/changes.ts";
import type { DinDefinition } from "../../src/domain/din.ts";
import { groupByGoal, groupChangesByGoal, groupLateDataByGoal } from "../../src/domain/grouping.ts";
import { detectLateData } from "../../src/domain/lateData.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";

const din: DinDefinition = buildDin({
  opgaven: [
    { id: "o-bestaan", name: "Bestaanszekerheid" },
    { id: "o-kansen", name: "Kansengelijkheid" },
  ],
  // Goal order deliberately differs from opgave order: groups follow opgave order first.
  goals: [
    { id: "g-jeugd", name: "Jongeren groeien gezond op", opgaveId: "o-kansen" },
    { id: "g-schulden", name: "Minder schulden", opgaveId: "o-bestaan" },
    { id: "g-werk", name: "Meer mensen aan het werk", opgaveId: "o-bestaan" },
  ],
  indicators: [
    buildIndicator({ id: "p-schuldhulp", kind: "prestatie", goalId: "g-schulden" }),
    buildIndicator({ id: "e-schulden", kind: "effect", goalId: "g-schulden" }),
    buildIndicator({ id: "e-jeugdhulp", kind: "effect", goalId: "g-jeugd" }),
    buildIndicator({ id: "e-bijstand", kind: "effect", goalId: "g-werk" }),
    buildIndicator({ id: "e-armoede", kind: "effect", goalId: "g-schulden" }),
  ],
});

function changeOf(indicatorId: string, period = "2024"): IndicatorChange {
  const indicator = din.indicators.find((i) => i.id === indicatorId) ?? buildIndicator({ id: indicatorId, goalId: "g-weg" });
  return detectChange(indicator, [{ period, value: 1 }], period);
}

describe("groupChangesByGoal", () => {
  it("orders groups by opgave, then goal, and changes effect first, then prestatie, in DIN order", () => {
    const changes = ["e-jeugdhulp", "p-schuldhulp", "e-armoede", "e-bijstand", "e-schulden"].map((id) => changeOf(id));
    const groups = groupChangesByGoal(changes, din);
    expect(groups.map((g) => [g.opgave.name, g.goal.name, g.changes.map((c) => c.indicatorId)])).toEqual([
      ["Bestaanszekerheid", "Minder schulden", ["e-schulden", "e-armoede", "p-schuldhulp"]],
      ["Bestaanszekerheid", "Meer mensen aan het werk", ["e-bijstand"]],
      ["Kansengelijkheid", "Jongeren groeien gezond op", ["e-jeugdhulp"]],
    ]);
    expect(groups[0]?.opgave).toEqual({ id: "o-bestaan", name: "Bestaanszekerheid" });
    expect(groups[0]?.goal).toEqual({ id: "g-schulden", name: "Minder schulden" });
  });

  it("omits goals without changes and returns nothing for no changes", () => {
    expect(groupChangesByGoal([changeOf("e-bijstand")], din).map((g) => g.goal.id)).toEqual(["g-werk"]);
    expect(groupChangesByGoal([], din)).toEqual([]);
  });

  it("keeps input order for several changes of one indicator", () => {
    const changes = [changeOf("e-schulden", "2024"), changeOf("p-schuldhulp"), changeOf("e-schulden", "2023")];
    const [group] = groupChangesByGoal(changes, din);
    expect(group?.changes.map((c) => `${c.indicatorId}@${c.period}`)).toEqual(["e-schulden@2024", "e-schulden@2023", "p-schuldhulp@2024"]);
  });

  it("puts changes of a goal unknown to this DIN version last instead of dropping them", () => {
    const groups = groupChangesByGoal([changeOf("e-retired"), changeOf("e-jeugdhulp")], din);
    expect(groups.map((g) => [g.opgave, g.goal])).toEqual([
      [{ id: "o-kansen", name: "Kansengelijkheid" }, { id: "g-jeugd", name: "Jongeren groeien gezond op" }],
      [{ id: "", name: "" }, { id: "g-weg", name: "g-weg" }],
    ]);
  });

  it("puts an indicator unknown to the DIN after the known ones of its goal", () => {
    const unknown = { ...changeOf("e-schulden"), indicatorId: "e-nieuw" };
    const [group] = groupChangesByGoal([unknown, changeOf("p-schuldhulp")], din);
    expect(group?.changes.map((c) => c.indicatorId)).toEqual(["p-schuldhulp", "e-nieuw"]);
  });
});

describe("groupLateDataByGoal", () => {
  it("groups late data the same way", () => {
    const now = new Date("2025-08-01T00:00:00Z");
    const late = ["e-jeugdhulp", "e-schulden"].flatMap((id) => {
      const indicator = din.indicators.find((i) => i.id === id);
      const item = indicator && detectLateData(indicator, "2022", now);
      return item ? [item] : [];
    });
    const groups = groupLateDataByGoal(late, din);
    expect(groups.map((g) => [g.goal.id, g.lateData.map((l) => `${l.indicatorId}:${l.duePeriod}`)])).toEqual([
      ["g-schulden", ["e-schulden:2023"]],
      ["g-jeugd", ["e-jeugdhulp:2023"]],
    ]);
  });
});

describe("groupByGoal", () => {
  it("works for any item with indicatorId and goalId", () => {
    const items = [
      { indicatorId: "e-jeugdhulp", goalId: "g-jeugd", note: "a" },
      { indicatorId: "e-bijstand", goalId: "g-werk", note: "b" },
    ];
    expect(groupByGoal(items, din).map((g) => g.items.map((i) => i.note))).toEqual([["b"], ["a"]]);
  });
});
