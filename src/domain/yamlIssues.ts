/**
 * Turns what the YAML parser and zod find in a YAML file into `ValidationIssue`s with lines, the
 * same way for every YAML file duidbot reads (din.yaml, duidbot.yaml): Dutch wording, one issue per
 * unknown key on the key's own line with a "bedoelt u" suggestion.
 */
import type { parseDocument } from "yaml";
import type { z } from "zod";
import { fieldPath } from "./issues.ts";
import { didYouMean } from "./suggest.ts";
import type { ValidationIssue } from "./validation.ts";
import type { LineOf } from "./yamlLines.ts";
import { toBilingual, type Labels } from "./zodMessages.ts";

type YamlError = ReturnType<typeof parseDocument>["errors"][number];

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

export function yamlSyntaxIssues(errors: readonly YamlError[], file: string): ValidationIssue[] {
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

/** A key given twice in one mapping leaves the tree intact (other checks can still run); other errors do not. */
export function onlyDuplicateKeys(errors: readonly YamlError[]): boolean {
  return errors.every((e) => e.code === "DUPLICATE_KEY");
}

export interface SchemaIssueContext {
  file: string;
  lineOf: LineOf;
  labels: Labels;
  /** The keys allowed at a path, for suggestions on unknown keys. */
  keysAt: (path: readonly PropertyKey[]) => readonly string[];
}

/** zod's issues (parsed with the Dutch error map and `reportInput: true`) as issues with lines. */
export function schemaIssues(issues: readonly z.core.$ZodIssue[], ctx: SchemaIssueContext): ValidationIssue[] {
  const { file, lineOf } = ctx;
  return issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown key, on the key's own line, with a suggestion from the keys allowed there.
      const allowed = ctx.keysAt(issue.path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, allowed);
        const path = [...issue.path, key];
        return { file, line: lineOf(path), field: fieldPath(path), message: `onbekend veld "${key}"${hint.nl}`, messageEn: `unknown field "${key}"${hint.en}` };
      });
    }
    const text = toBilingual(issue, ctx.labels);
    return [{ file, line: lineOf(issue.path), field: fieldPath(issue.path), message: text.nl, messageEn: text.en }];
  });
}
