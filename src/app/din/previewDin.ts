/**
 * Use case: what importing a DIN file would do, without saving it (the web's preview): the file's
 * problems exactly as an import reports them, or the version it is and which indicators it adds or
 * drops compared with the DIN in force.
 */
import type { DinDefinition } from "../../domain/din.ts";
import { parseDinFile } from "../../domain/dinFile.ts";
import { slugify } from "../../domain/slug.ts";
import type { ValidationIssue } from "../../domain/validation.ts";
import type { DinStore } from "../ports.ts";

export type DinPreview =
  | { ok: false; issues: ValidationIssue[] }
  | {
      ok: true;
      definition: DinDefinition;
      warnings: ValidationIssue[];
      /** The year of the version in force now, when the municipality has one. */
      currentYear?: number;
      added: string[];
      retired: string[];
    };

export async function previewDin(deps: { dins: DinStore }, input: { text: string; fileName: string }): Promise<DinPreview> {
  const parsed = parseDinFile(input.text, input.fileName);
  if (!parsed.ok) return parsed;
  const definition = parsed.value;
  const current = await deps.dins.loadDin(slugify(definition.municipality));
  const before = new Set(current?.latest.indicators.map((i) => i.id) ?? []);
  const after = new Set(definition.indicators.map((i) => i.id));
  return {
    ok: true,
    definition,
    warnings: parsed.warnings ?? [],
    ...(current ? { currentYear: current.latest.year } : {}),
    added: [...after].filter((id) => !before.has(id)),
    retired: current ? [...before].filter((id) => !after.has(id)) : [],
  };
}
