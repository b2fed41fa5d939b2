/** Use case: import a DIN file (din.yaml). Same content twice changes nothing; a new year adds a version. */
import { createHash } from "node:crypto";
import type { DinDefinition } from "../../domain/din.ts";
import { parseDinFile } from "../../domain/dinFile.ts";
import type { ValidationIssue } from "../../domain/validation.ts";
import type { DinSaveResult, DinStore } from "../ports.ts";

/** `warnings`: the DIN was imported, but something in it should be made explicit (see dinIndicatorChecks.ts). */
export type ImportDinResult = ({ ok: true; warnings: ValidationIssue[] } & DinSaveResult) | { ok: false; issues: ValidationIssue[] };

export async function importDin(
  deps: { dins: DinStore },
  input: { text: string; fileName: string },
): Promise<ImportDinResult> {
  const parsed = parseDinFile(input.text, input.fileName);
  if (!parsed.ok) return parsed;
  return saveParsedDin(deps, { definition: parsed.value, warnings: parsed.warnings ?? [], fileName: input.fileName });
}

/**
 * Saves a DIN that `parseDinFile` accepted. Lets the CLI validate a file before it opens the
 * database, so a bad or hostile file is refused without waiting for (or locking) the data folder.
 */
export async function saveParsedDin(
  deps: { dins: DinStore },
  input: { definition: DinDefinition; warnings: ValidationIssue[]; fileName: string },
): Promise<ImportDinResult> {
  // Hash the validated definition, not the text: reformatting or comments do not make a new version.
  const contentHash = createHash("sha256").update(JSON.stringify(input.definition)).digest("hex");
  const saved = await deps.dins.saveDinVersion(input.definition, { fileName: input.fileName, contentHash });
  return { ok: true, warnings: input.warnings, ...saved };
}
