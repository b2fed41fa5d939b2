/**
 * Ports of the announce pass and of the pruning of processed-event keys (announcePendingImports.ts,
 * pruneProcessedEvents.ts). src/store/announcementStore.ts implements them.
 */
import type { ChangeRecord } from "../../domain/changeRecord.ts";

export interface RecentImport {
  importId: number;
  dinSlug: string;
  /** When the import was committed (the import's Clock time). */
  recordedAt: Date;
}

export interface AnnouncementStore {
  /** Imports committed at or after `since` that brought changes: the newest `limit`, returned oldest first. */
  recentImports(since: Date, limit: number): Promise<RecentImport[]>;
  /** The changes an import detected, in the order importMeasurements returned them, as stored (rebuild with changesFromRecords). */
  changesOfImport(importId: number): Promise<ChangeRecord[]>;
  /** Which of these processed-event keys are recorded. */
  processedKeys(keys: readonly string[]): Promise<Set<string>>;
  /** Deletes processed-event keys recorded before `before`, except keys starting with one of `keepPrefixes`; returns how many. */
  pruneProcessedKeys(before: Date, keepPrefixes: readonly string[]): Promise<number>;
}
