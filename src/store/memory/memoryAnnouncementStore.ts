/** In-memory twin of src/store/announcementStore.ts: recent imports, their changes, processed-event keys. */
import type { IndicatorChange } from "../../domain/changes.ts";
import type { AnnouncementStore, RecentImport } from "../../app/measurements/ports.ts";
import type { MemoryDb } from "./memoryDb.ts";

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

  changesOfImport(importId: number): Promise<IndicatorChange[]> {
    return this.db.read((t) => t.changes.filter((c) => c.importId === importId).sort((a, b) => a.id - b.id).map((c) => c.detail as IndicatorChange));
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
