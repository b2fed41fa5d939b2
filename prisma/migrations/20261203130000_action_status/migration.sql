-- Verbeteracties get four statuses (issue #20); "done" was the old word for "gereed".
UPDATE "Action" SET "status" = 'gereed' WHERE "status" = 'done';

-- CreateTable
CREATE TABLE "ActionStatusChange" (
    "id" SERIAL NOT NULL,
    "actionId" INTEGER NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "byKey" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionReminder" (
    "id" SERIAL NOT NULL,
    "actionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "due" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Action_status_idx" ON "Action"("status");

-- CreateIndex
CREATE INDEX "ActionStatusChange_actionId_idx" ON "ActionStatusChange"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionReminder_actionId_kind_due_key" ON "ActionReminder"("actionId", "kind", "due");

-- AddForeignKey
ALTER TABLE "ActionStatusChange" ADD CONSTRAINT "ActionStatusChange_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReminder" ADD CONSTRAINT "ActionReminder_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The summary for guest threads a facilitator may write with the conclusion (closing the loop, #20).
ALTER TABLE "ConclusionRevision" ADD COLUMN "guestSummary" TEXT;
