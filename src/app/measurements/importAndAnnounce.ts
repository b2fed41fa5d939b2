/**
 * Use case: import figures, then announce what changed (change posts per doel, sessions where
 * channels ask for them). The announcement is keyed by the import id, so it happens once; an
 * import that brought nothing new, or only corrected bron/opmerking, announces nothing. Import and
 * announcement are two transactions: when the process dies in between, announcePendingImports
 * announces the import later.
 */
import { postChanges, type PostChangesResult } from "../sessions/postChanges.ts";
import type { SessionDeps } from "../sessions/ports.ts";
import { importAnnouncementKey } from "./announcePendingImports.ts";
import { importMeasurements, type ImportMeasurementsResult, type MeasurementSource } from "./importMeasurements.ts";
import type { MeasurementPlan } from "../ports.ts";

export type ImportAndAnnounceResult = ImportMeasurementsResult & { announced?: PostChangesResult };

export async function importAndAnnounce(
  deps: SessionDeps,
  input: { source: MeasurementSource; via: MeasurementPlan["via"]; dinSlug?: string },
): Promise<ImportAndAnnounceResult> {
  const result = await importMeasurements(deps, input);
  if (!result.ok || result.importId === undefined || result.changeCount === 0) return result;
  // Only what can be news (postChanges keeps the same): a large import builds 5,000 changes, not 50,000.
  const announced = await postChanges(deps, { key: importAnnouncementKey(result.importId), changes: result.news, dinSlug: result.dinSlug });
  // Not a spread: that would read every getter of the summary and build all its changes after all.
  return Object.assign(result, { announced });
}
