/** Prisma implementation of the MeasurementStore port: values with history, imports in turn, and detected changes. */
import type { PrismaClient } from "@prisma/client";
import type { IndicatorChange } from "../domain/changes.ts";
import type { CurrentMeasurement, CurrentValue, MeasurementPlan, MeasurementStore, StoredChange } from "../app/ports.ts";
import { writePlan } from "./measurementImportWrite.ts";

/** Large imports (the 5,000-indicator benchmark) need more than Prisma's 5 s default. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

export class PrismaMeasurementStore implements MeasurementStore {
  private readonly prisma: PrismaClient;
  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.prisma.din.count()) === 0;
  }

  async currentValues(dinSlug: string, indicatorIds: readonly string[]): Promise<CurrentValue[]> {
    const rows = await this.prisma.measurement.findMany({
      where: { supersededAt: null, indicator: { din: { slug: dinSlug }, slug: { in: [...indicatorIds] } } },
      select: { period: true, value: true, indicator: { select: { slug: true } } },
    });
    return rows.map((r) => ({ indicatorId: r.indicator.slug, period: r.period, value: r.value }));
  }

  async latestPeriods(dinSlug: string): Promise<Map<string, string>> {
    const rows = await this.prisma.measurement.findMany({
      where: { supersededAt: null, indicator: { din: { slug: dinSlug } } },
      orderBy: { periodStart: "asc" },
      select: { period: true, indicator: { select: { slug: true } } },
    });
    // Ascending order: the last write per indicator is its newest period.
    return new Map(rows.map((r) => [r.indicator.slug, r.period]));
  }

  async importInTurn(
    dinSlug: string,
    indicatorIds: readonly string[],
    plan: (current: CurrentMeasurement[]) => MeasurementPlan,
  ): Promise<{ plan: MeasurementPlan; importId?: number }> {
    return this.prisma.$transaction(
      async (tx) => {
        // The DIN's import lock: a second import of this DIN waits here until this one commits, then
        // reads what it wrote. NO KEY UPDATE, so rows that merely reference the DIN are not held up.
        // On PGlite transactions run one at a time anyway; the lock costs nothing there.
        const locked = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Din" WHERE "slug" = ${dinSlug} FOR NO KEY UPDATE`;
        const dinId = locked[0]?.id;
        if (dinId === undefined) throw new Error(`DIN ${dinSlug} bestaat niet / does not exist`);
        const rows = await tx.measurement.findMany({
          where: { supersededAt: null, indicator: { dinId, slug: { in: [...indicatorIds] } } },
          select: { period: true, value: true, source: true, note: true, indicator: { select: { slug: true } } },
        });
        const decided = plan(
          rows.map((r) => ({
            indicatorId: r.indicator.slug,
            period: r.period,
            value: r.value,
            ...(r.source !== null ? { source: r.source } : {}),
            ...(r.note !== null ? { note: r.note } : {}),
          })),
        );
        if (decided.rows.length === 0) return { plan: decided };
        const { importId } = await writePlan(tx, dinId, decided);
        return { plan: decided, importId };
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: IMPORT_TIMEOUT_MS },
    );
  }

  async changesSince(dinSlug: string, since: Date | undefined): Promise<StoredChange[]> {
    const rows = await this.prisma.change.findMany({
      where: { indicator: { din: { slug: dinSlug } }, ...(since ? { detectedAt: { gte: since } } : {}) },
      orderBy: { id: "asc" },
      select: { id: true, detectedAt: true, detail: true },
    });
    return rows.map((r) => ({ id: r.id, detectedAt: r.detectedAt, change: r.detail as unknown as IndicatorChange }));
  }

  async history(dinSlug: string, indicatorId: string) {
    const rows = await this.prisma.measurement.findMany({
      where: { indicator: { din: { slug: dinSlug }, slug: indicatorId } },
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
