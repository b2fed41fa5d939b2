-- Issue #15: a detected change is no longer a Change row with a JSON detail, but five columns on the
-- Measurement it describes (what it was compared with; the rest follows from the indicator's definition,
-- see src/domain/changeRecord.ts). Existing changes are converted; the foreign keys of Measurement and its
-- second index on (indicatorId, period) go (docs/database.md: they doubled the cost of a large import).

-- DropIndex: the partial unique "Measurement_current_key" on the same columns serves the current rows.
DROP INDEX "Measurement_indicatorId_period_idx";

-- DropForeignKey
ALTER TABLE "Measurement" DROP CONSTRAINT "Measurement_indicatorId_fkey";

-- DropForeignKey
ALTER TABLE "Measurement" DROP CONSTRAINT "Measurement_importId_fkey";

-- AlterTable: NOT NULL with a temporary default, so existing rows get false (no change) first.
ALTER TABLE "Measurement" ADD COLUMN     "correctedFrom" DOUBLE PRECISION,
ADD COLUMN     "figureChanged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "previousPeriod" TEXT,
ADD COLUMN     "previousValue" DOUBLE PRECISION,
ADD COLUMN     "yearEarlierValue" DOUBLE PRECISION;

-- Convert: every Change row becomes the columns of its measurement.
UPDATE "Measurement" m
   SET "figureChanged" = true,
       "correctedFrom" = (c."detail" ->> 'correctedFrom')::double precision,
       "previousPeriod" = c."detail" -> 'previous' ->> 'period',
       "previousValue" = (c."detail" -> 'previous' ->> 'value')::double precision,
       "yearEarlierValue" = (c."detail" -> 'yearEarlier' ->> 'value')::double precision
  FROM "Change" c
 WHERE c."measurementId" = m."id";

ALTER TABLE "Measurement" ALTER COLUMN "figureChanged" DROP DEFAULT;

-- DropTable (with its foreign keys)
DROP TABLE "Change";
