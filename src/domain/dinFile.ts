/**
 * Reads a DIN YAML file into a `DinDefinition`, reporting every problem with its line.
 * Pure: the caller passes the file text and name.
 */
import { LineCounter, parseDocument } from "yaml";
import type { DinDefinition, Indicator } from "./din.ts";
import { collectRefs, checkDinReferences } from "./dinChecks.ts";
import { DIN_LABELS, dinFileSchema, dinKeysAt } from "./dinSchema.ts";
import type { DinFileData } from "./dinSchema.ts";
import { fieldPath, sortIssues } from "./issues.ts";
import { didYouMean } from "./suggest.ts";
import type { Validated, ValidationIssue } from "./validation.ts";
import { yamlLineFinder } from "./yamlLines.ts";
import type { LineOf } from "./yamlLines.ts";
import { dutchErrorMap, toBilingual } from "./zodMessages.ts";

/** Dutch wording for the YAML errors users actually make; others keep the parser's English text. */
const YAML_ERRORS_NL: Record<string, string> = {
  DUPLICATE_KEY: "hetzelfde veld staat twee keer in dit blok",
  BAD_INDENT: "inspringing klopt niet",
  MISSING_CHAR: "er ontbreekt een teken (bijv. een sluitend aanhalingsteken of haakje)",
  MULTILINE_IMPLICIT_KEY: "een veldnaam mag niet over meerdere regels lopen (ontbreekt er een dubbele punt of aanhalingsteken?)",
  TAB_AS_INDENT: "gebruik spaties in plaats van tabs om in te springen",
  BLOCK_AS_IMPLICIT_KEY: "inspringing klopt niet: een blok staat op de plaats van een veldnaam",
  UNEXPECTED_TOKEN: "onverwacht teken",
};

function yamlSyntaxIssues(errors: ReturnType<typeof parseDocument>["errors"], file: string): ValidationIssue[] {
  return errors.map((error) => {
    // The parser's first line ends in " at line 3, column 1:"; the line is already in the issue.
    const firstLine = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    const nl = YAML_ERRORS_NL[error.code] ?? "ongeldige YAML";
    return {
      file,
      line: error.linePos?.[0]?.line,
      field: "yaml",
      message: `YAML-fout: ${nl} (${firstLine})`,
      messageEn: `YAML error: ${firstLine}`,
    };
  });
}

function schemaIssues(data: unknown, file: string, lineOf: LineOf): { issues: ValidationIssue[]; value?: DinFileData } {
  const result = dinFileSchema.safeParse(data, { error: dutchErrorMap(DIN_LABELS), reportInput: true });
  if (result.success) return { issues: [], value: result.data };
  const issues = result.error.issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown key, on the key's own line, with a suggestion from the keys allowed there.
      const allowed = dinKeysAt(issue.path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, allowed);
        const path = [...issue.path, key];
        return { file, line: lineOf(path), field: fieldPath(path), message: `onbekend veld "${key}"${hint.nl}`, messageEn: `unknown field "${key}"${hint.en}` };
      });
    }
    const text = toBilingual(issue, DIN_LABELS);
    return [{ file, line: lineOf(issue.path), field: fieldPath(issue.path), message: text.nl, messageEn: text.en }];
  });
  return { issues };
}

function toDefinition(data: DinFileData, rawData: unknown): DinDefinition {
  const { speerpuntGoalsByIndicator } = collectRefs(rawData);
  const indicators = data.indicators.map((raw): Indicator => {
    const { goal, ...rest } = raw;
    // Checks guarantee a goal: given, or exactly one through the speerpunten naming this indicator.
    const goalId = goal ?? speerpuntGoalsByIndicator.get(raw.id)?.[0] ?? "";
    const indicator: Indicator = { ...rest, goalId };
    for (const key of Object.keys(indicator) as (keyof Indicator)[]) {
      if (indicator[key] === undefined) delete indicator[key];
    }
    return indicator;
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, prettyErrors: true, uniqueKeys: true });
  // After a syntax error the tree is unreliable: other messages would only confuse.
  if (doc.errors.length > 0) return { ok: false, issues: sortIssues(yamlSyntaxIssues(doc.errors, fileName)) };
  if (doc.contents === null) {
    return {
      ok: false,
      issues: [{ file: fileName, line: 1, field: "file", message: "het DIN-bestand is leeg", messageEn: "the DIN file is empty" }],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // toJS refuses alias bombs ("Excessive alias count"); expected failures are values, never throws.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ file: fileName, line: 1, field: "yaml", message: `YAML-fout: ${message}`, messageEn: `YAML error: ${message}` }] };
  }
  const lineOf = yamlLineFinder(doc, lineCounter);
  const parsed = schemaIssues(data, fileName, lineOf);
  const issues = [...parsed.issues, ...checkDinReferences(data, fileName, lineOf)];
  if (issues.length > 0 || parsed.value === undefined) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: toDefinition(parsed.value, data) };
}
