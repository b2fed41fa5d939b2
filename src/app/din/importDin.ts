/** Use case: import a DIN file (din.yaml). Same content twice changes nothing; a new year adds a version. */
import { createHash } from "node:crypto";
import { disclosureOf, isStricter } from "../../domain/disclosure.ts";
import type { DinDefinition } from "../../domain/din.ts";
import { parseDinFile } from "../../domain/dinFile.ts";
import { slugify } from "../../domain/slug.ts";
import type { ValidationIssue } from "../../domain/validation.ts";
import type { Clock, DinState, DinSaveResult, DinStore } from "../ports.ts";
import { refreshGuestThreads } from "../sessions/refreshGuestThreads.ts";
import type { SessionStore } from "../sessions/ports.ts";

/** `warnings`: the DIN was imported, but something in it should be made explicit (see dinIndicatorChecks.ts). */
export type ImportDinResult = ({ ok: true; warnings: ValidationIssue[] } & DinSaveResult) | { ok: false; issues: ValidationIssue[] };

export async function importDin(
  deps: { dins: DinStore; sessions?: SessionStore; clock?: Clock },
  input: { text: string; fileName: string },
): Promise<ImportDinResult> {
  const parsed = parseDinFile(input.text, input.fileName);
  if (!parsed.ok) return parsed;
  return saveParsedDin(deps, { definition: parsed.value, warnings: parsed.warnings ?? [], fileName: input.fileName });
}

/**
 * Saves a DIN that `parseDinFile` accepted. Lets the CLI validate a file before it opens the
 * database, so a bad or hostile file is refused without waiting for (or locking) the data folder.
 * With sessions: open guest threads whose indicators guests may now see less of are updated at once.
 */
export async function saveParsedDin(
  deps: { dins: DinStore; sessions?: SessionStore; clock?: Clock },
  input: { definition: DinDefinition; warnings: ValidationIssue[]; fileName: string },
): Promise<ImportDinResult> {
  // Hash the validated definition, not the text: reformatting or comments do not make a new version.
  const contentHash = createHash("sha256").update(JSON.stringify(input.definition)).digest("hex");
  const before = deps.sessions ? await deps.dins.loadDin(slugify(input.definition.municipality)) : undefined;
  const saved = await deps.dins.saveDinVersion(input.definition, { fileName: input.fileName, contentHash });
  if (deps.sessions && deps.clock && before && saved.status !== "unchanged") {
    const after = await deps.dins.loadDin(saved.slug);
    const indicatorIds = after ? stricterForGuests(before, after) : [];
    await refreshGuestThreads({ sessions: deps.sessions, clock: deps.clock }, { dinSlug: saved.slug, indicatorIds });
  }
  return { ok: true, warnings: input.warnings, ...saved };
}

/** Indicators guests may see less of in `after` than in `before` (see domain/disclosure.ts). */
function stricterForGuests(before: DinState, after: DinState): string[] {
  const old = new Map(before.indicators.map((i) => [i.indicator.id, disclosureOf(i.indicator)]));
  return after.indicators.flatMap(({ indicator }) => {
    const then = old.get(indicator.id);
    return then && isStricter(then, disclosureOf(indicator)) ? [indicator.id] : [];
  });
}
