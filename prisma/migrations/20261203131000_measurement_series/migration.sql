-- Issue #21: a value may be about a comparison area ("gebied": Nederland, a province, a named group) or a
-- breakdown cell ("dimensie" + "categorie"); '' in all three is the municipality's own total, as every
-- existing row is. NOT NULL with '' rather than NULL so the current-value key below stays one plain
-- unique index (NULLs would never collide).
ALTER TABLE "Measurement" ADD COLUMN "area" TEXT NOT NULL DEFAULT '',
ADD COLUMN "dimension" TEXT NOT NULL DEFAULT '',
ADD COLUMN "category" TEXT NOT NULL DEFAULT '';

-- The current-value key now holds per series; (indicatorId, period) stay its leading columns, so the
-- lookups by indicator and period use it as before.
DROP INDEX "Measurement_current_key";
CREATE UNIQUE INDEX "Measurement_current_key" ON "Measurement"("indicatorId", "period", "area", "dimension", "category") WHERE "supersededAt" IS NULL;

-- Comparison and breakdown values an import stored (new or corrected). Counted apart from newCount and
-- correctionCount, which stay the municipality's own figures: the announce pass looks only at those.
ALTER TABLE "MeasurementImport" ADD COLUMN "contextCount" INTEGER NOT NULL DEFAULT 0;
