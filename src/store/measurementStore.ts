/**
 * The MeasurementStore port: values with history, imports in turn, and detected changes. The import and
 * the change listing run on the driver (RawSql), the small reads through Prisma.
 */
import type { PrismaClient } from "@prisma/client";
import type { ContextValue, CurrentMeasurement, CurrentValue, MeasurementPlan, MeasurementStore } from "../app/ports.ts";
import type { ChangeRecord } from "../domain/changeRecord.ts";
import { ALL_CHANGES_SQL, changeRecords, NEWS_SQL } from "./changeQueries.ts";
import type { RawSql } from "./database.ts";
import { writePlan } from "./measurementImportWrite.ts";

export class PrismaMeasurementStore implements MeasurementStore {
  private readonly prisma: PrismaClient;
  private readonly raw: RawSql;
  constructor(prisma: PrismaClient, raw: RawSql) {
    this.prisma = prisma;
    this.raw = raw;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.prisma.din.count()) === 0;
  }

  private async indicatorIds(dinSlug: string, slugs?: readonly string[]): Promise<Map<number, string>> {
    const rows = await this.prisma.indicator.findMany({
      where: { din: { slug: dinSlug }, ...(slugs ? { slug: { in: [...slugs] } } : {}) },
      select: { id: true, slug: true },
    });
    return new Map(rows.map((r) => [r.id, r.slug]));
  }

  async currentValues(dinSlug: string, indicatorIds: readonly string[]): Promise<CurrentValue[]> {
    const ids = await this.indicatorIds(dinSlug, indicatorIds);
    const rows = await this.prisma.measurement.findMany({
      where: { supersededAt: null, indicatorId: { in: [...ids.keys()] }, area: "", dimension: "" },
      select: { period: true, value: true, indicatorId: true },
    });
    return rows.map((r) => ({ indicatorId: ids.get(r.indicatorId)!, period: r.period, value: r.value }));
  }

  async contextValues(dinSlug: string, indicatorIds: readonly string[]): Promise<ContextValue[]> {
    const ids = await this.indicatorIds(dinSlug, indicatorIds);
    const rows = await this.prisma.measurement.findMany({
      where: { supersededAt: null, indicatorId: { in: [...ids.keys()] }, OR: [{ area: { not: "" } }, { dimension: { not: "" } }] },
      select: { period: true, value: true, indicatorId: true, area: true, dimension: true, category: true },
      orderBy: [{ periodStart: "asc" }, { id: "asc" }],
    });
    return rows.map((r) => ({
      indicatorId: ids.get(r.indicatorId)!,
      period: r.period,
      value: r.value,
      ...(r.area ? { area: r.area } : {}),
      ...(r.dimension ? { dimension: r.dimension, category: r.category } : {}),
    }));
  }

  async latestPeriods(dinSlug: string): Promise<Map<string, string>> {
    // One pair per indicator: its newest current period of the municipality's total. Sorted narrow (ids
    // and starts only), then joined for the texts; one JSON text back (see changeQueries.ts). The total is
    // preferred in the sort and filtered outside, not in the WHERE: without statistics right after a large
    // import, the planner took "area = '' AND dimension = ''" for one row and walked all 50,000 (3× slower).
    const [row] = await this.raw.query<{ latest: string }>(
      `SELECT coalesce(json_agg(json_build_array(i."slug", m."period")), '[]')::text AS "latest" FROM (
         SELECT DISTINCT ON (m."indicatorId") m."id"
           FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId" JOIN "Din" d ON d."id" = i."dinId"
          WHERE d."slug" = $1 AND m."supersededAt" IS NULL
          ORDER BY m."indicatorId", (m."area" = '' AND m."dimension" = '') DESC, m."periodStart" DESC, m."id" DESC) x
       JOIN "Measurement" m ON m."id" = x."id" JOIN "Indicator" i ON i."id" = m."indicatorId"
      WHERE m."area" = '' AND m."dimension" = ''`,
      [dinSlug],
    );
    return new Map(JSON.parse(row!.latest) as [string, string][]);
  }

  async importInTurn(
    dinSlug: string,
    indicatorIds: readonly string[],
    plan: (current: CurrentMeasurement[]) => MeasurementPlan,
  ): Promise<{ plan: MeasurementPlan; importId?: number }> {
    // No `SET LOCAL synchronous_commit = off` here: PGlite runs with fsync off, so its commit is one write
    // of the WAL to the OS (~1 ms of a 50,000-value import), and that write is what lets an import that
    // returned survive a crash of the process. Turning it off would give that up for nothing (issue #15).
    return this.raw.transaction(async (tx) => {
      // The DIN's import lock: a second import of this DIN waits here until this one commits, then
      // reads what it wrote. NO KEY UPDATE, so rows that merely reference the DIN are not held up.
      // On PGlite transactions run one at a time anyway; the lock costs nothing there.
      const locked = await tx.query<{ id: number }>(`SELECT "id" FROM "Din" WHERE "slug" = $1 FOR NO KEY UPDATE`, [dinSlug]);
      const dinId = locked[0]?.id;
      if (dinId === undefined) throw new Error(`DIN ${dinSlug} bestaat niet / does not exist`);
      // Both reads come back as one JSON text rather than rows: PGlite decodes rows field by field in
      // JavaScript (5,000 indicator rows alone took ~50 ms of a 50,000-value import; issue #15).
      const [ids] = await tx.query<{ ids: string }>(
        `SELECT coalesce(json_agg(json_build_array("slug", "id")), '[]')::text AS "ids" FROM "Indicator" WHERE "dinId" = $1`,
        [dinId],
      );
      const [stored] = await tx.query<{ rows: string }>(
        `SELECT coalesce(json_agg(json_build_array(i."slug", m."period", m."value", m."source", m."note", m."area", m."dimension", m."category")), '[]')::text AS "rows"
           FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId"
          WHERE i."dinId" = $1 AND i."slug" = ANY($2::text[]) AND m."supersededAt" IS NULL`,
        [dinId, [...indicatorIds]],
      );
      type StoredRow = [slug: string, period: string, value: number, source: string | null, note: string | null, area: string, dimension: string, category: string];
      const decided = plan(
        (JSON.parse(stored!.rows) as StoredRow[]).map(([slug, period, value, source, note, area, dimension, category]) => {
          const current: CurrentMeasurement = { indicatorId: slug, period, value };
          if (source !== null) current.source = source;
          if (note !== null) current.note = note;
          if (area) current.area = area;
          if (dimension) {
            current.dimension = dimension;
            current.category = category;
          }
          return current;
        }),
      );
      if (decided.rows.length === 0) return { plan: decided };
      const { importId } = await writePlan(tx, dinId, new Map(JSON.parse(ids!.ids) as [string, number][]), decided);
      return { plan: decided, importId };
    });
  }

  async changesSince(dinSlug: string, since: Date | undefined, options: { newsOnly?: boolean } = {}): Promise<ChangeRecord[]> {
    const [row] = await this.raw.query<{ changes: string }>(options.newsOnly ? NEWS_SQL : ALL_CHANGES_SQL, [dinSlug, since ? since.toISOString() : null]);
    return changeRecords(row!.changes);
  }

  async history(dinSlug: string, indicatorId: string) {
    const ids = await this.indicatorIds(dinSlug, [indicatorId]);
    const rows = await this.prisma.measurement.findMany({
      where: { indicatorId: { in: [...ids.keys()] }, area: "", dimension: "" },
      orderBy: [{ periodStart: "asc" }, { id: "asc" }],
    });
    return rows.map((r) => ({
      indicatorId,
      period: r.period,
      value: r.value,
      recordedAt: r.recordedAt,
      origin: r.origin,
      ...(r.supersededAt ? { supersededAt: r.supersededAt } : {}),
      ...(r.source ? { source: r.source } : {}),
      ...(r.note ? { note: r.note } : {}),
    }));
  }
}
