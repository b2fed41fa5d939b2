/** In-memory twin of src/store/announcementStore.ts: recent imports, their changes, processed-event keys. */
import type { ChangeRecord } from "../../domain/changeRecord.ts";
import type { AnnouncementStore, RecentImport } from "../../app/measurements/ports.ts";
import type { MemoryDb } from "./memoryDb.ts";
import { toRecord } from "./memoryMeasurementStore.ts";

export class MemoryAnnouncementStore implements AnnouncementStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  recentImports(since: Date, limit: number): Promise<RecentImport[]> {
    return this.db.read((t) =>
      t.imports
        // Only imports that changed figures: one that corrected bron/opmerking alone has nothing to announce.
        .filter((i) => i.createdAt >= since && (i.newCount > 0 || i.correctionCount > 0))
        .sort((a, b) => b.id - a.id)
        .slice(0, limit)
        .reverse()
        .map((i) => ({ importId: i.id, dinSlug: t.dins.find((d) => d.id === i.dinId)!.slug, recordedAt: i.createdAt })),
    );
  }

  changesOfImport(importId: number): Promise<ChangeRecord[]> {
    return this.db.read((t) => {
      const slugs = new Map(t.indicators.map((i) => [i.id, i.slug]));
      // Inserted in the plan's order, so id order is the order importMeasurements returned.
      return t.measurements
        .filter((m) => m.importId === importId && m.figureChanged)
        .sort((a, b) => a.id - b.id)
        .map((m) => toRecord(m, slugs.get(m.indicatorId)!));
    });
  }

  processedKeys(keys: readonly string[]): Promise<Set<string>> {
    return this.db.read((t) => new Set(keys.filter((k) => t.processedEvents.has(k))));
  }

  pruneProcessedKeys(before: Date, keepPrefixes: readonly string[]): Promise<number> {
    return this.db.write((t) => {
      let count = 0;
      for (const [key, at] of t.processedEvents) {
        if (at < before && !keepPrefixes.some((p) => key.startsWith(p))) {
          t.processedEvents.delete(key);
          count++;
        }
      }
      return count;
    });
  }
}
