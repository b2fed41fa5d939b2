-- AlterTable
ALTER TABLE "MeasurementImport" ADD COLUMN     "metadataCount" INTEGER NOT NULL DEFAULT 0;

