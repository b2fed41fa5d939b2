/**
 * Prisma implementation of the AnnouncementStore port (src/app/measurements/ports.ts): recent imports
 * and their stored changes for the announce pass, and the processed-event keys it checks and prunes.
 */
import type { PrismaClient } from "@prisma/client";
import type { AnnouncementStore, RecentImport } from "../app/measurements/ports.ts";
import type { ChangeRecord } from "../domain/changeRecord.ts";
import { changeRecords, IMPORT_CHANGES_SQL } from "./changeQueries.ts";

export class PrismaAnnouncementStore implements AnnouncementStore {
  private readonly prisma: PrismaClient;
  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  async recentImports(since: Date, limit: number): Promise<RecentImport[]> {
    const rows = await this.prisma.measurementImport.findMany({
      // Only imports that changed figures: one that corrected bron/opmerking alone has nothing to announce.
      where: { createdAt: { gte: since }, OR: [{ newCount: { gt: 0 } }, { correctionCount: { gt: 0 } }] },
      orderBy: { id: "desc" },
      take: limit,
      select: { id: true, createdAt: true, din: { select: { slug: true } } },
    });
    return rows.reverse().map((r) => ({ importId: r.id, dinSlug: r.din.slug, recordedAt: r.createdAt }));
  }

  async changesOfImport(importId: number): Promise<ChangeRecord[]> {
    // Inserted in the plan's order (writePlan), so id order is the order importMeasurements returned.
    const [row] = await this.prisma.$queryRawUnsafe<{ changes: string }[]>(IMPORT_CHANGES_SQL, importId);
    return changeRecords(row!.changes);
  }

  async processedKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.prisma.processedEvent.findMany({ where: { key: { in: [...keys] } }, select: { key: true } });
    return new Set(rows.map((r) => r.key));
  }

  async pruneProcessedKeys(before: Date, keepPrefixes: readonly string[]): Promise<number> {
    const { count } = await this.prisma.processedEvent.deleteMany({
      where: { processedAt: { lt: before }, NOT: keepPrefixes.map((prefix) => ({ key: { startsWith: prefix } })) },
    });
    return count;
  }
}
