-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN     "parkedAt" TIMESTAMP(3);

