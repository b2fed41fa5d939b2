/** Use case: import a DIN file (din.yaml). Same content twice changes nothing; a new year adds a version. */
import { createHash } from "node:crypto";
import { parseDinFile } from "../../domain/dinFile.ts";
import type { ValidationIssue } from "../../domain/validation.ts";
import type { DinSaveResult, DinStore } from "../ports.ts";

export type ImportDinResult = ({ ok: true } & DinSaveResult) | { ok: false; issues: ValidationIssue[] };

export async function importDin(
  deps: { dins: DinStore },
  input: { text: string; fileName: string },
): Promise<ImportDinResult> {
  const parsed = parseDinFile(input.text, input.fileName);
  if (!parsed.ok) return parsed;
  // Hash the validated definition, not the text: reformatting or comments do not make a new version.
  const contentHash = createHash("sha256").update(JSON.stringify(parsed.value)).digest("hex");
  const saved = await deps.dins.saveDinVersion(parsed.value, { fileName: input.fileName, contentHash });
  return { ok: true, ...saved };
}
