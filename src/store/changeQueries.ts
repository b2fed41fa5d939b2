/**
 * The SQL that reads detected changes: a change is a Measurement row with figureChanged, its comparison
 * points in columns (src/domain/changeRecord.ts). Shared by the measurement and announcement stores.
 *
 * Results come back as one JSON text (json_agg), not as rows: PGlite decodes rows field by field in
 * JavaScript, which took 2 s for the 50,000 rows of `changes --alle`; one JSON text and JSON.parse take
 * a quarter of that. Numbers survive exactly (PostgreSQL writes float8 in shortest round-trip form).
 */
import type { ChangeRecord } from "../domain/changeRecord.ts";

/** One change: slug, period, value, correctedFrom, previousPeriod, previousValue, yearEarlierValue. */
export type ChangeTuple = [string, string, number, number | null, string | null, number | null, number | null];

/** The JSON array of ChangeTuples, oldest first, from Measurement m joined with Indicator i. */
const CHANGES_JSON = `coalesce(json_agg(json_build_array(i."slug", m."period", m."value", m."correctedFrom", m."previousPeriod",
  m."previousValue", m."yearEarlierValue") ORDER BY m."id"), '[]')::text AS "changes"`;

const OF_DIN_SINCE = `FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId" JOIN "Din" d ON d."id" = i."dinId"
  WHERE d."slug" = $1 AND m."figureChanged" AND ($2::timestamp(3) IS NULL OR m."recordedAt" >= $2::timestamp(3))`;

/** Every change of DIN $1 since $2 (null: all). */
export const ALL_CHANGES_SQL = `SELECT ${CHANGES_JSON} ${OF_DIN_SINCE}`;

/** The changes of import $1, in the order the import returned them (ids follow the plan's order). */
export const IMPORT_CHANGES_SQL = `SELECT ${CHANGES_JSON}
  FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId" WHERE m."importId" = $1 AND m."figureChanged"`;

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
    ${OF_DIN_SINCE}
  ) x
  WHERE NOT "fresh" OR "rank" = 1
)
SELECT ${CHANGES_JSON}
  FROM picked p JOIN "Measurement" m ON m."id" = p."id" JOIN "Indicator" i ON i."id" = m."indicatorId"`;

export function changeRecords(json: string): ChangeRecord[] {
  return (JSON.parse(json) as ChangeTuple[]).map(toChangeRecord);
}

export function toChangeRecord([slug, period, value, correctedFrom, previousPeriod, previousValue, yearEarlierValue]: ChangeTuple): ChangeRecord {
  return {
    indicatorId: slug,
    period,
    value,
    ...(correctedFrom !== null ? { correctedFrom } : {}),
    ...(previousPeriod !== null && previousValue !== null ? { previous: { period: previousPeriod, value: previousValue } } : {}),
    ...(yearEarlierValue !== null ? { yearEarlierValue } : {}),
  };
}
