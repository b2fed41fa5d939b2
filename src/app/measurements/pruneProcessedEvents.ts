/**
 * Use case: forget the processed-event keys of chat events after 30 days. The keys make a retried
 * platform event a no-op; Slack retries within an hour and the durable inbox replays events for at
 * most 7 days (then prunes them), so after 30 days no copy of the event can arrive any more.
 *
 * The keys of announced imports ("changes:…", see postChanges.ts) are kept: announcePendingImports
 * treats an import without its key as never announced. They are one row per import, so keeping them
 * costs nothing; and even without that exception the pass could not re-announce anything, because it
 * looks back ANNOUNCE_WINDOW_DAYS (7) < PROCESSED_EVENT_RETENTION_DAYS (30) and a key is written
 * after its import.
 */
import { CHANGES_KEY_PREFIX } from "../sessions/postChanges.ts";
import type { Clock } from "../ports.ts";
import type { AnnouncementStore } from "./ports.ts";

export const PROCESSED_EVENT_RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export async function pruneProcessedEvents(deps: { announcements: AnnouncementStore; clock: Clock }): Promise<{ pruned: number }> {
  const before = new Date(deps.clock.now().getTime() - PROCESSED_EVENT_RETENTION_DAYS * DAY_MS);
  return { pruned: await deps.announcements.pruneProcessedKeys(before, [CHANGES_KEY_PREFIX]) };
}
