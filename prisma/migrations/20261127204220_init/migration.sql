-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Din" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Din_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DinVersion" (
    "id" SERIAL NOT NULL,
    "dinId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "mission" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DinVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "dinId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "firstYear" INTEGER NOT NULL,
    "lastYear" INTEGER NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasurementImport" (
    "id" SERIAL NOT NULL,
    "dinId" INTEGER NOT NULL,
    "via" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "newCount" INTEGER NOT NULL,
    "correctionCount" INTEGER NOT NULL,
    "unchangedCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasurementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT,
    "note" TEXT,
    "origin" TEXT NOT NULL,
    "importId" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "measurementId" INTEGER NOT NULL,
    "importId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "significant" BOOLEAN NOT NULL,
    "detail" JSONB NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Din_slug_key" ON "Din"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "DinVersion_dinId_year_key" ON "DinVersion"("dinId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_dinId_slug_key" ON "Indicator"("dinId", "slug");

-- CreateIndex
CREATE INDEX "Measurement_indicatorId_period_idx" ON "Measurement"("indicatorId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Change_measurementId_key" ON "Change"("measurementId");

-- CreateIndex
CREATE INDEX "Change_detectedAt_idx" ON "Change"("detectedAt");

-- AddForeignKey
ALTER TABLE "DinVersion" ADD CONSTRAINT "DinVersion_dinId_fkey" FOREIGN KEY ("dinId") REFERENCES "Din"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_dinId_fkey" FOREIGN KEY ("dinId") REFERENCES "Din"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasurementImport" ADD CONSTRAINT "MeasurementImport_dinId_fkey" FOREIGN KEY ("dinId") REFERENCES "Din"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_importId_fkey" FOREIGN KEY ("importId") REFERENCES "MeasurementImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_measurementId_fkey" FOREIGN KEY ("measurementId") REFERENCES "Measurement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_importId_fkey" FOREIGN KEY ("importId") REFERENCES "MeasurementImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma cannot express partial indexes): at most one current value per
-- indicator and period; superseded values (corrections) are history.
CREATE UNIQUE INDEX "Measurement_current_key" ON "Measurement"("indicatorId", "period") WHERE "supersededAt" IS NULL;
