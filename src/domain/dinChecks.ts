/**
 * Cross-reference checks of a DIN file: duplicate ids, unknown goal and indicator references,
 * and indicators that hang nowhere in the tree. They read the raw YAML data leniently so they
 * run even when the schema found problems too: the user gets every problem in one go.
 */
import { didYouMean } from "./suggest.ts";
import type { LineOf } from "./yamlLines.ts";
import type { PathSegment } from "./issues.ts";
import { fieldPath } from "./issues.ts";
import type { ValidationIssue } from "./validation.ts";

interface Entry {
  id: string;
  path: PathSegment[];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function entries(items: unknown[], base: PathSegment[]): Entry[] {
  return items.flatMap((item, i) => {
    const id = str(field(item, "id"));
    return id === undefined ? [] : [{ id, path: [...base, i] }];
  });
}

/** Ids resolved from the raw data; shared with `dinFile.ts` to derive a prestatie-indicator's goal. */
export interface DinRefs {
  goals: Entry[];
  /** Per prestatie-indicator id: the goal ids of the speerpunten that name it, in file order. */
  speerpuntGoalsByIndicator: Map<string, string[]>;
}

export function collectRefs(data: unknown): DinRefs {
  const goals = list(field(data, "opgaven")).flatMap((opgave, i) =>
    entries(list(field(opgave, "goals")), ["opgaven", i, "goals"]),
  );
  const speerpuntGoalsByIndicator = new Map<string, string[]>();
  for (const sp of list(field(data, "speerpunten"))) {
    const goal = str(field(sp, "goal"));
    for (const ind of list(field(sp, "indicators"))) {
      const id = str(ind);
      if (id === undefined || goal === undefined) continue;
      speerpuntGoalsByIndicator.set(id, [...(speerpuntGoalsByIndicator.get(id) ?? []), goal]);
    }
  }
  return { goals, speerpuntGoalsByIndicator };
}

/** Every cross-reference problem in the raw DIN data. */
export function checkDinReferences(data: unknown, file: string, lineOf: LineOf): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: PathSegment[], nl: string, en: string) =>
    issues.push({ file, line: lineOf(path), field: fieldPath(path), message: nl, messageEn: en });

  const opgaven = entries(list(field(data, "opgaven")), ["opgaven"]);
  const { goals, speerpuntGoalsByIndicator } = collectRefs(data);
  const speerpunten = entries(list(field(data, "speerpunten")), ["speerpunten"]);
  const rawIndicators = list(field(data, "indicators"));
  const indicators = entries(rawIndicators, ["indicators"]);

  const duplicates = (items: Entry[], nl: string, en: string) => {
    const first = new Map<string, Entry>();
    for (const item of items) {
      const earlier = first.get(item.id);
      if (earlier === undefined) {
        first.set(item.id, item);
        continue;
      }
      const line = lineOf([...earlier.path, "id"]);
      add([...item.path, "id"], `dubbele id "${item.id}" bij ${nl}; eerder gebruikt op regel ${line}`, `duplicate ${en} id "${item.id}"; first used on line ${line}`);
    }
  };
  duplicates(opgaven, "opgaven", "opgave");
  duplicates(goals, "doelen", "goal");
  duplicates(speerpunten, "speerpunten", "speerpunt");
  duplicates(indicators, "indicatoren", "indicator");

  const goalIds = goals.map((g) => g.id);
  const checkGoal = (goal: unknown, path: PathSegment[]) => {
    const id = str(goal);
    if (id === undefined || goalIds.includes(id)) return;
    const hint = didYouMean(id, goalIds);
    add(path, `onbekend doel "${id}"${hint.nl}`, `unknown goal "${id}"${hint.en}`);
  };

  const kindById = new Map<string, unknown>();
  for (const item of rawIndicators) {
    const id = str(field(item, "id"));
    if (id !== undefined && !kindById.has(id)) kindById.set(id, field(item, "kind"));
  }
  const indicatorIds = [...kindById.keys()];

  list(field(data, "speerpunten")).forEach((sp, i) => {
    checkGoal(field(sp, "goal"), ["speerpunten", i, "goal"]);
    list(field(sp, "indicators")).forEach((ref, j) => {
      const id = str(ref);
      if (id === undefined) return;
      const path = ["speerpunten", i, "indicators", j];
      if (!kindById.has(id)) {
        const hint = didYouMean(id, indicatorIds);
        add(path, `onbekende indicator "${id}"${hint.nl}`, `unknown indicator "${id}"${hint.en}`);
      } else if (kindById.get(id) === "effect") {
        add(
          path,
          `"${id}" is een effect-indicator; een speerpunt noemt alleen prestatie-indicatoren (effect-indicatoren horen bij een doel via goal)`,
          `"${id}" is an effect indicator; a speerpunt lists only prestatie (performance) indicators (effect indicators belong to a goal via goal)`,
        );
      }
    });
  });

  rawIndicators.forEach((item, i) => {
    const goal = field(item, "goal");
    const id = str(field(item, "id")) ?? `#${i}`;
    checkGoal(goal, ["indicators", i, "goal"]);
    if (goal !== undefined) return;
    const kind = field(item, "kind");
    if (kind === "effect") {
      add(
        ["indicators", i, "goal"],
        `effect-indicator "${id}" heeft een doel nodig: vul goal in`,
        `effect indicator "${id}" needs a goal: fill in goal`,
      );
    } else if (kind === "prestatie") {
      const viaSpeerpunt = [...new Set(speerpuntGoalsByIndicator.get(id) ?? [])];
      if (viaSpeerpunt.length === 0) {
        add(
          ["indicators", i, "goal"],
          `prestatie-indicator "${id}" hoort bij geen speerpunt en heeft geen doel: noem hem bij een speerpunt (indicators) of vul goal in`,
          `prestatie indicator "${id}" belongs to no speerpunt and has no goal: list it under a speerpunt (indicators) or fill in goal`,
        );
      } else if (viaSpeerpunt.length > 1) {
        add(
          ["indicators", i, "goal"],
          `prestatie-indicator "${id}" hoort bij speerpunten met verschillende doelen (${viaSpeerpunt.join(", ")}): vul goal in`,
          `prestatie indicator "${id}" belongs to speerpunten with different goals (${viaSpeerpunt.join(", ")}): fill in goal`,
        );
      }
    }
  });
  return issues;
}
