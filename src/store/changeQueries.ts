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
 * the new value of its newest period (latest start, the first detected on a tie) — one window pass in the
 * database instead of every change to the application. The same choice as src/domain/newsworthy.ts (a
 * test compares them).
 */
export const NEWS_SQL = `
WITH picked AS (
  -- Narrow rows for the window (a wide sort spilled to disk and took 4× as long).
  SELECT "id" FROM (
    SELECT m."id", m."correctedFrom" IS NULL AS "fresh",
           row_number() OVER (PARTITION BY m."indicatorId", m."correctedFrom" IS NULL ORDER BY m."periodStart" DESC, m."id") AS "rank"
      FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId" JOIN "Din" d ON d."id" = i."dinId"
     WHERE d."slug" = $1 AND m."figureChanged" AND ($2::timestamp(3) IS NULL OR m."recordedAt" >= $2::timestamp(3))
  ) x
  WHERE NOT "fresh" OR "rank" = 1
)
SELECT ${CHANGE_COLUMNS}
  FROM picked p JOIN "Measurement" m ON m."id" = p."id" JOIN "Indicator" i ON i."id" = m."indicatorId"
 ORDER BY m."id"`;

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
