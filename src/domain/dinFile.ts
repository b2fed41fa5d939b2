/**
 * Reads a DIN YAML file into a `DinDefinition`, reporting every problem with its line.
 * Pure: the caller passes the file text and name.
 */
import type { DinDefinition, Indicator } from "./din.ts";
import { collectRefs, checkDinReferences } from "./dinChecks.ts";
import { countWarnings, valueIssues } from "./dinIndicatorChecks.ts";
import { DIN_LABELS, dinFileSchema, dinKeysAt } from "./dinSchema.ts";
import { sourceIssues, withSourceSettings } from "./dinSources.ts";
import type { DinFileData } from "./dinSchema.ts";
import { sortIssues } from "./issues.ts";
import type { Validated, ValidationIssue } from "./validation.ts";
import type { LineOf } from "./yamlLines.ts";
import { readYaml } from "./yamlReader.ts";
import { schemaIssues } from "./yamlIssues.ts";
import { dutchErrorMap } from "./zodMessages.ts";
import { areaKey, areaName } from "./area.ts";

function dinSchemaIssues(data: unknown, file: string, lineOf: LineOf): { issues: ValidationIssue[]; value?: DinFileData } {
  const result = dinFileSchema.safeParse(data, { error: dutchErrorMap(DIN_LABELS), reportInput: true });
  if (result.success) return { issues: [], value: result.data };
  return { issues: schemaIssues(result.error.issues, { file, lineOf, labels: DIN_LABELS, keysAt: dinKeysAt }) };
}

function toDefinition(data: DinFileData, rawData: unknown): DinDefinition {
  const { speerpuntGoalsByIndicator } = collectRefs(rawData);
  const indicators = data.indicators.map((raw): Indicator => {
    const { goal, ...rest } = raw;
    // Checks guarantee a goal: given, or exactly one through the speerpunten naming this indicator.
    const goalId = goal ?? speerpuntGoalsByIndicator.get(raw.id)?.[0] ?? "";
    const indicator: Indicator = { ...rest, goalId };
    if (rest.compare) indicator.compare = [...new Map(rest.compare.map((a) => [areaKey(a), areaName(a)])).values()];
    for (const key of Object.keys(indicator) as (keyof Indicator)[]) {
      if (indicator[key] === undefined) delete indicator[key];
    }
    return withSourceSettings(indicator, data.sources);
  });
  return {
    municipality: data.municipality,
    year: data.year,
    mission: data.mission,
    opgaven: data.opgaven.map(({ id, name }) => ({ id, name })),
    goals: data.opgaven.flatMap((opgave) => opgave.goals.map((g) => ({ id: g.id, name: g.name, opgaveId: opgave.id }))),
    speerpunten: data.speerpunten.map(({ id, name, goal, beleidskader, indicators: ids }) => ({
      id,
      name,
      goalId: goal,
      beleidskader,
      indicatorIds: ids,
    })),
    indicators,
  };
}

/** Parses and validates a DIN file; on failure lists every problem found, sorted by line. */
export function parseDinFile(text: string, fileName: string): Validated<DinDefinition> {
  const yaml = readYaml(text, fileName);
  if (!yaml.ok) return { ok: false, issues: sortIssues(yaml.issues) };
  const { data, empty, lineOf } = yaml.value;
  if (empty) {
    return {
      ok: false,
      issues: [{ file: fileName, line: 1, field: "file", message: "het DIN-bestand is leeg", messageEn: "the DIN file is empty" }],
    };
  }
  const parsed = dinSchemaIssues(data, fileName, lineOf);
  const issues = [...parsed.issues, ...checkDinReferences(data, fileName, lineOf)];
  const sources = parsed.value === undefined ? undefined : sourceIssues(parsed.value, fileName, lineOf);
  if (parsed.value !== undefined) issues.push(...valueIssues(parsed.value, fileName, lineOf), ...(sources?.errors ?? []));
  if (issues.length > 0 || parsed.value === undefined) return { ok: false, issues: sortIssues(issues) };
  const warnings = sortIssues([...countWarnings(parsed.value, fileName, lineOf), ...(sources?.warnings ?? [])]);
  return { ok: true, value: toDefinition(parsed.value, data), ...(warnings.length > 0 ? { warnings } : {}) };
}
