/**
 * Use case: announce the imports that brought changes but were never announced. importAndAnnounce
 * commits the figures (one transaction) and then announces them with postChanges (a second one), so
 * a crash or an error in between leaves an import unannounced. This pass finds the recent imports
 * whose announcement key (the processed-event row postChanges writes together with its posts) is
 * missing and announces them with the changes stored with the import: what importMeasurements returned,
 * rebuilt from what each was compared with (src/domain/changeRecord.ts; the DIN in force decides goal,
 * streefwaarde and significance, exactly as at the import unless a new DIN version came in between). It runs at the start of `duidbot serve` and in the background
 * loop (importChores.ts).
 *
 * Why not announce inside the import's transaction: the figures are written by the measurement store
 * and the posts, sessions and outbox rows by the session store, each in its own transaction, and
 * postChanges reads the DIN and the committed series (for the charts) before its transaction (on
 * PGlite a read through another store waits for an open transaction). One transaction would mean
 * merging the two stores; a pass keyed on the same idempotency key gives the same guarantee (every
 * import is announced exactly once) and also repairs an announcement that failed for another reason.
 * Racing importAndAnnounce is safe: whichever claims the key first posts, the other gets "duplicate".
 */
import { changesClaimKey, postChanges, type PostChangesResult } from "../sessions/postChanges.ts";
import type { SessionDeps } from "../sessions/ports.ts";
import type { AnnouncementStore } from "./ports.ts";
import { changesFromRecords } from "./storedChanges.ts";

/**
 * How far back the pass looks. Older imports are not news any more, and the window must stay shorter
 * than the retention of processed-event keys (PROCESSED_EVENT_RETENTION_DAYS in pruneProcessedEvents.ts,
 * 30 days; announcement keys are not pruned at all): a key the pass relies on is never gone.
 */
export const ANNOUNCE_WINDOW_DAYS = 7;
/** At most this many of the newest imports in the window are looked at per pass (a bound on the work). */
export const ANNOUNCE_MAX_IMPORTS = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The batch key importAndAnnounce passes to postChanges for an import. */
export function importAnnouncementKey(importId: number): string {
  return `import:${importId}`;
}

export type AnnounceDeps = SessionDeps & { announcements: AnnouncementStore };

export interface AnnouncePendingResult {
  /** Imports announced by this pass ("duplicate" when importAndAnnounce was quicker). */
  announced: { importId: number; dinSlug: string; result: PostChangesResult }[];
  /** Imports whose announcement failed; the next pass tries again. */
  failed: { importId: number; dinSlug: string; error: string }[];
}

export async function announcePendingImports(deps: AnnounceDeps): Promise<AnnouncePendingResult> {
  const since = new Date(deps.clock.now().getTime() - ANNOUNCE_WINDOW_DAYS * DAY_MS);
  const recent = await deps.announcements.recentImports(since, ANNOUNCE_MAX_IMPORTS);
  const result: AnnouncePendingResult = { announced: [], failed: [] };
  if (recent.length === 0) return result;
  const keyOf = (i: { importId: number; dinSlug: string }) => changesClaimKey(i.dinSlug, importAnnouncementKey(i.importId));
  const done = await deps.announcements.processedKeys(recent.map(keyOf));
  // Oldest first: the announcements come in the order the figures arrived.
  for (const pending of recent.filter((i) => !done.has(keyOf(i)))) {
    try {
      const din = await deps.dins.loadDin(pending.dinSlug);
      if (!din) throw new Error(`DIN ${pending.dinSlug} bestaat niet / does not exist`);
      const changes = changesFromRecords(din, await deps.announcements.changesOfImport(pending.importId));
      const posted = await postChanges(deps, { key: importAnnouncementKey(pending.importId), changes, dinSlug: pending.dinSlug });
      result.announced.push({ importId: pending.importId, dinSlug: pending.dinSlug, result: posted });
    } catch (error) {
      // One import that cannot be announced must not hold up the others.
      result.failed.push({ importId: pending.importId, dinSlug: pending.dinSlug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
