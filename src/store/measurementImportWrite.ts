/**
 * Writes one import plan inside the caller's transaction: the import row, superseded old values,
 * the new values, and a Change for every row that changed a figure.
 */
import type { Prisma } from "@prisma/client";
import { planCounts } from "../app/measurements/planImport.ts";
import type { MeasurementPlan } from "../app/ports.ts";

/** Rows per INSERT: stays far below PostgreSQL's 65,535 bind parameters. */
const BATCH = 1_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function writePlan(tx: Prisma.TransactionClient, dinId: number, plan: MeasurementPlan): Promise<{ importId: number }> {
  const rows = await tx.indicator.findMany({ where: { dinId }, select: { id: true, slug: true } });
  const keys = new Map(rows.map((r) => [r.slug, r.id]));
  const keyOf = (slug: string): number => {
    const id = keys.get(slug);
    if (id === undefined) throw new Error(`indicator ${slug} bestaat niet / does not exist`);
    return id;
  };
  const now = plan.recordedAt;
  const imp = await tx.measurementImport.create({
    data: {
      dinId,
      via: plan.via,
      fileName: plan.fileName,
      contentHash: plan.contentHash,
      ...planCounts(plan),
      unchangedCount: plan.unchangedCount,
      // The Clock's time, like the values and changes: the announce pass windows imports by it.
      createdAt: now,
    },
  });
  // Corrections: the current value becomes history before its successor is inserted.
  const corrections = new Map<number, string[]>();
  for (const row of plan.rows.filter((r) => r.correction)) {
    const id = keyOf(row.indicatorId);
    corrections.set(id, [...(corrections.get(id) ?? []), row.period]);
  }
  for (const [indicatorId, periods] of corrections) {
    await tx.measurement.updateMany({ where: { indicatorId, period: { in: periods }, supersededAt: null }, data: { supersededAt: now } });
  }
  for (const batch of chunks(plan.rows, BATCH)) {
    // Raw INSERT … SELECT unnest(arrays): one statement and a handful of parameters per batch,
    // about 6× faster than createManyAndReturn (measured on PGlite, see README figures).
    const created = await tx.$queryRawUnsafe<{ id: number; indicatorId: number; period: string }[]>(
      `INSERT INTO "Measurement" ("indicatorId", "period", "periodStart", "value", "source", "note", "origin", "importId", "recordedAt")
       SELECT * FROM unnest($1::int[], $2::text[], $3::timestamp(3)[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::int[], $9::timestamp(3)[])
       RETURNING "id", "indicatorId", "period"`,
      batch.map((r) => keyOf(r.indicatorId)),
      batch.map((r) => r.period),
      batch.map((r) => r.periodStart.toISOString()),
      batch.map((r) => r.value),
      batch.map((r) => r.source ?? null),
      batch.map((r) => r.note ?? null),
      batch.map((r) => r.origin),
      batch.map(() => imp.id),
      batch.map(() => now.toISOString()),
    );
    // RETURNING order is not guaranteed by SQL: match rows by (indicator, period), unique per plan.
    const idOf = new Map(created.map((c) => [`${c.indicatorId}|${c.period}`, c.id]));
    const changed = batch.flatMap((r) => (r.change ? [{ ...r, change: r.change }] : []));
    if (changed.length === 0) continue;
    await tx.$executeRawUnsafe(
      `INSERT INTO "Change" ("indicatorId", "measurementId", "importId", "period", "kind", "significant", "detail", "detectedAt")
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::bool[], $7::jsonb[], $8::timestamp(3)[])`,
      changed.map((r) => keyOf(r.indicatorId)),
      changed.map((r) => idOf.get(`${keyOf(r.indicatorId)}|${r.period}`)!),
      changed.map(() => imp.id),
      changed.map((r) => r.period),
      changed.map((r) => (r.correction ? "correction" : "new")),
      changed.map((r) => r.change.significant),
      changed.map((r) => JSON.stringify(r.change)),
      changed.map(() => now.toISOString()),
    );
  }
  return { importId: imp.id };
}
