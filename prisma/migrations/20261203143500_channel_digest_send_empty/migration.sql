-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "digestSendEmpty" BOOLEAN;
