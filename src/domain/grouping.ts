/**
 * Groups per-indicator items (changes, late data) by doel in DIN order, so indicators are read
 * "in samenhang" per goal, as the adviesraad asked, instead of one by one.
 */
import type { DinDefinition } from "./din.ts";
import type { IndicatorChange } from "./changes.ts";
import type { LateData } from "./lateData.ts";

export interface GoalGroup<T> {
  opgave: { id: string; name: string };
  goal: { id: string; name: string };
  items: T[];
}

export interface GoalChangeGroup {
  opgave: { id: string; name: string };
  goal: { id: string; name: string };
  changes: IndicatorChange[];
}

export interface GoalLateDataGroup {
  opgave: { id: string; name: string };
  goal: { id: string; name: string };
  lateData: LateData[];
}

/**
 * Groups items by their goalId. Groups follow the DIN (opgave order, then goal order); within a group
 * items follow the indicator order of the DIN, effect-indicatoren before prestatie-indicatoren, and keep
 * their input order per indicator. Items of a goal or indicator the DIN does not know (e.g. retired in this
 * DIN version) are not dropped: they come last, with the goal id as name and an empty opgave.
 */
export function groupByGoal<T extends { indicatorId: string; goalId: string }>(
  items: readonly T[],
  din: DinDefinition,
): GoalGroup<T>[] {
  const indicatorRank = new Map<string, number>();
  const ordered = [
    ...din.indicators.filter((i) => i.kind === "effect"),
    ...din.indicators.filter((i) => i.kind === "prestatie"),
  ];
  ordered.forEach((indicator, i) => indicatorRank.set(indicator.id, i));

  const opgaveRank = new Map(din.opgaven.map((o, i) => [o.id, i]));
  const goalRank = (goalId: string): [number, number] => {
    const index = din.goals.findIndex((g) => g.id === goalId);
    const goal = din.goals[index];
    if (!goal) return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    return [opgaveRank.get(goal.opgaveId) ?? Number.MAX_SAFE_INTEGER, index];
  };

  const groups = new Map<string, GoalGroup<T>>();
  for (const item of items) {
    let group = groups.get(item.goalId);
    if (!group) {
      const goal = din.goals.find((g) => g.id === item.goalId);
      const opgave = goal && din.opgaven.find((o) => o.id === goal.opgaveId);
      group = {
        opgave: opgave ? { id: opgave.id, name: opgave.name } : { id: "", name: "" },
        goal: goal ? { id: goal.id, name: goal.name } : { id: item.goalId, name: item.goalId },
        items: [],
      };
      groups.set(item.goalId, group);
    }
    group.items.push(item);
  }

  const unknown = Number.MAX_SAFE_INTEGER;
  for (const group of groups.values()) {
    // Array.prototype.sort is stable, so items of one indicator keep their input order.
    group.items.sort((a, b) => (indicatorRank.get(a.indicatorId) ?? unknown) - (indicatorRank.get(b.indicatorId) ?? unknown));
  }
  // Map iteration keeps first-appearance order, which is the tie-break for unknown goals.
  return [...groups.values()].sort((a, b) => {
    const [ao, ag] = goalRank(a.goal.id);
    const [bo, bg] = goalRank(b.goal.id);
    return ao !== bo ? ao - bo : ag - bg;
  });
}

export function groupChangesByGoal(changes: readonly IndicatorChange[], din: DinDefinition): GoalChangeGroup[] {
  return groupByGoal(changes, din).map(({ opgave, goal, items }) => ({ opgave, goal, changes: items }));
}

export function groupLateDataByGoal(lateData: readonly LateData[], din: DinDefinition): GoalLateDataGroup[] {
  return groupByGoal(lateData, din).map(({ opgave, goal, items }) => ({ opgave, goal, lateData: items }));
}
