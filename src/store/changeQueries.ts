/**
 * The SQL that reads detected changes: a change is a Measurement row with figureChanged, its comparison
 * points in columns (src/domain/changeRecord.ts). Shared by the measurement and announcement stores.
 */
import type { ChangeRecord } from "../domain/changeRecord.ts";

export interface ChangeRow {
  slug: string;
  period: string;
  value: number;
  correctedFrom: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
  yearEarlierValue: number | null;
}

/** The columns of a ChangeRow, from Measurement m joined with Indicator i. */
export const CHANGE_COLUMNS = `i."slug", m."period", m."value", m."correctedFrom", m."previousPeriod", m."previousValue", m."yearEarlierValue"`;

/**
 * The news among a DIN's changes since $2 (null: all), oldest first: every correction, plus per indicator
 * the new value of its newest period — in one query instead of reading every change. The same choice as
 * src/domain/newsworthy.ts (a test compares them): among the new values, only periods of the kind of the
 * indicator's first new value count ("2024" and "2024-12" have no order); the period kind is the key
 * without its digits ("", "-Q", "-", "-W").
 */
export const NEWS_SQL = `
WITH c AS (
  SELECT m."id", m."indicatorId", m."periodStart", ${CHANGE_COLUMNS},
         regexp_replace(m."period", '[0-9]', '', 'g') AS "kind"
    FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId" JOIN "Din" d ON d."id" = i."dinId"
   WHERE d."slug" = $1 AND m."figureChanged" AND ($2::timestamp(3) IS NULL OR m."recordedAt" >= $2::timestamp(3))
), fresh AS (
  SELECT "id", "indicatorId", "kind", "periodStart", first_value("kind") OVER (PARTITION BY "indicatorId" ORDER BY "id") AS "firstKind"
    FROM c WHERE "correctedFrom" IS NULL
), ranked AS (
  SELECT "id", "periodStart", max("periodStart") OVER (PARTITION BY "indicatorId") AS "newest"
    FROM fresh WHERE "kind" = "firstKind"
)
SELECT "slug", "period", "value", "correctedFrom", "previousPeriod", "previousValue", "yearEarlierValue"
  FROM c
 WHERE "correctedFrom" IS NOT NULL OR "id" IN (SELECT "id" FROM ranked WHERE "periodStart" = "newest")
 ORDER BY "id"`;

export function toChangeRecord(row: ChangeRow): ChangeRecord {
  return {
    indicatorId: row.slug,
    period: row.period,
    value: row.value,
    ...(row.correctedFrom !== null ? { correctedFrom: row.correctedFrom } : {}),
    ...(row.previousPeriod !== null && row.previousValue !== null ? { previous: { period: row.previousPeriod, value: row.previousValue } } : {}),
    ...(row.yearEarlierValue !== null ? { yearEarlierValue: row.yearEarlierValue } : {}),
  };
}
