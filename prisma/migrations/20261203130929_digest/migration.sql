-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "digestSchedule" TEXT;

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" SERIAL NOT NULL,
    "channelKey" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "coveredUntil" TIMESTAMP(3) NOT NULL,
    "outboxKey" TEXT,
    "items" JSONB NOT NULL,
    "dinSlug" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_channelKey_week_key" ON "DigestRun"("channelKey", "week");

