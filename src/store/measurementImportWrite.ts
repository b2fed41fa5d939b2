/**
 * Writes one import plan inside the caller's driver transaction (no Prisma: see RawSql): the import
 * row, superseded old values, and the new values with their change columns — one statement per step,
 * whatever the size of the import, with the values as arrays (unnest).
 */
import { planCounts } from "../app/measurements/planImport.ts";
import type { MeasurementPlan } from "../app/ports.ts";
import { changeRecord } from "../domain/changeRecord.ts";
import type { RawQuery } from "./database.ts";

export async function writePlan(tx: RawQuery, dinId: number, indicatorIds: ReadonlyMap<string, number>, plan: MeasurementPlan): Promise<{ importId: number }> {
  const keyOf = (slug: string): number => {
    const id = indicatorIds.get(slug);
    if (id === undefined) throw new Error(`indicator ${slug} bestaat niet / does not exist`);
    return id;
  };
  // The Clock's time for the import row, the values and the superseded rows: the announce pass windows
  // imports by it, and `changes --since` selects changes by it. Stored like Prisma stores a DateTime (UTC).
  const now = plan.recordedAt.toISOString();
  const counts = planCounts(plan);
  const [imp] = await tx.query<{ id: number }>(
    `INSERT INTO "MeasurementImport" ("dinId", "via", "fileName", "contentHash", "newCount", "correctionCount", "metadataCount", "unchangedCount", "createdAt", "contextCount")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamp(3), $10) RETURNING "id"`,
    [dinId, plan.via, plan.fileName, plan.contentHash, counts.newCount, counts.correctionCount, counts.metadataCount, plan.unchangedCount, now, counts.contextCount],
  );
  const importId = imp!.id;
  const rows = plan.rows.map((r) => ({ row: r, indicatorId: keyOf(r.indicatorId), record: r.change && changeRecord(r.change) }));

  // Corrections: the current value becomes history before its successor is inserted.
  const corrected = rows.filter((r) => r.row.correction);
  if (corrected.length > 0) {
    await tx.query(
      `UPDATE "Measurement" m SET "supersededAt" = $1::timestamp(3)
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c("indicatorId", "period", "area", "dimension", "category")
        WHERE m."indicatorId" = c."indicatorId" AND m."period" = c."period" AND m."area" = c."area"
          AND m."dimension" = c."dimension" AND m."category" = c."category" AND m."supersededAt" IS NULL`,
      [
        now,
        corrected.map((r) => r.indicatorId),
        corrected.map((r) => r.row.period),
        corrected.map((r) => r.row.area ?? ""),
        corrected.map((r) => r.row.dimension ?? ""),
        corrected.map((r) => r.row.category ?? ""),
      ],
    );
  }
  // Ids follow the plan's order (unnest's rows come in array order): changesOfImport reads them back in it.
  await tx.query(
    `INSERT INTO "Measurement" ("indicatorId", "period", "periodStart", "value", "source", "note", "origin", "importId", "recordedAt",
                                "figureChanged", "correctedFrom", "previousPeriod", "previousValue", "yearEarlierValue",
                                "area", "dimension", "category")
     SELECT r."indicatorId", r."period", r."periodStart", r."value", r."source", r."note", r."origin", $13::int, $14::timestamp(3),
            r."figureChanged", r."correctedFrom", r."previousPeriod", r."previousValue", r."yearEarlierValue",
            r."area", r."dimension", r."category"
       FROM unnest($1::int[], $2::text[], $3::timestamp(3)[], $4::float8[], $5::text[], $6::text[], $7::text[],
                   $8::bool[], $9::float8[], $10::text[], $11::float8[], $12::float8[], $15::text[], $16::text[], $17::text[])
         AS r("indicatorId", "period", "periodStart", "value", "source", "note", "origin",
              "figureChanged", "correctedFrom", "previousPeriod", "previousValue", "yearEarlierValue",
              "area", "dimension", "category")`,
    [
      rows.map((r) => r.indicatorId),
      rows.map((r) => r.row.period),
      rows.map((r) => r.row.periodStart.toISOString()),
      rows.map((r) => r.row.value),
      rows.map((r) => r.row.source ?? null),
      rows.map((r) => r.row.note ?? null),
      rows.map((r) => r.row.origin),
      rows.map((r) => r.record !== undefined),
      rows.map((r) => r.record?.correctedFrom ?? r.row.correctedFrom ?? null),
      rows.map((r) => r.record?.previous?.period ?? null),
      rows.map((r) => r.record?.previous?.value ?? null),
      rows.map((r) => r.record?.yearEarlierValue ?? null),
      importId,
      now,
      rows.map((r) => r.row.area ?? ""),
      rows.map((r) => r.row.dimension ?? ""),
      rows.map((r) => r.row.category ?? ""),
    ],
  );
  return { importId };
}
