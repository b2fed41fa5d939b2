-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "guestRender" JSONB;

