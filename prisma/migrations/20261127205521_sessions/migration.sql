-- CreateTable
CREATE TABLE "Channel" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "autoStart" BOOLEAN NOT NULL DEFAULT false,
    "perspective" TEXT,
    "lang" TEXT NOT NULL DEFAULT 'nl',
    "advanceAfterDays" INTEGER,
    "source" TEXT NOT NULL,
    "configHash" TEXT,
    "updatedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" JSONB NOT NULL,
    "perspective" TEXT,
    "source" TEXT NOT NULL,
    "configHash" TEXT,
    "updatedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "key" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "DuidingSession" (
    "id" SERIAL NOT NULL,
    "dinSlug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currentQuestion" TEXT NOT NULL,
    "questionSince" TIMESTAMP(3) NOT NULL,
    "advanceAfterDays" INTEGER,
    "openedBy" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "DuidingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionIndicator" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "SessionIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionThread" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "channelKey" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "rootKey" TEXT NOT NULL,

    CONSTRAINT "SessionThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contribution" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "threadId" INTEGER NOT NULL,
    "channelKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "authorKey" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "perspective" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionRevision" (
    "id" SERIAL NOT NULL,
    "contributionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "previousText" TEXT NOT NULL,
    "previousQuestion" TEXT NOT NULL,
    "eventKey" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conclusion" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConclusionRevision" (
    "id" SERIAL NOT NULL,
    "conclusionId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "herkennen" TEXT NOT NULL,
    "verklaren" TEXT NOT NULL,
    "waarderen" TEXT NOT NULL,
    "verbeteren" TEXT NOT NULL,
    "overall" TEXT NOT NULL,
    "actions" JSONB NOT NULL,
    "writtenByKey" TEXT NOT NULL,
    "writtenByName" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "adoptedByKey" TEXT,
    "adoptedByName" TEXT,
    "adoptedAt" TIMESTAMP(3),

    CONSTRAINT "ConclusionRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "due" TEXT,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangePost" (
    "id" SERIAL NOT NULL,
    "channelKey" TEXT NOT NULL,
    "dinSlug" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "sessionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangePost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "channelKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB,
    "stream" TEXT NOT NULL,
    "threadKey" TEXT,
    "refKey" TEXT,
    "refMessageId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "platformMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Channel_key_key" ON "Channel"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Person_key_key" ON "Person"("key");

-- CreateIndex
CREATE INDEX "DuidingSession_status_idx" ON "DuidingSession"("status");

-- CreateIndex
CREATE INDEX "DuidingSession_dinSlug_subjectKind_subjectId_idx" ON "DuidingSession"("dinSlug", "subjectKind", "subjectId");

-- CreateIndex
CREATE INDEX "SessionIndicator_indicatorId_period_idx" ON "SessionIndicator"("indicatorId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "SessionIndicator_sessionId_indicatorId_period_key" ON "SessionIndicator"("sessionId", "indicatorId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "SessionThread_rootKey_key" ON "SessionThread"("rootKey");

-- CreateIndex
CREATE UNIQUE INDEX "SessionThread_sessionId_channelKey_key" ON "SessionThread"("sessionId", "channelKey");

-- CreateIndex
CREATE INDEX "Contribution_sessionId_idx" ON "Contribution"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_channelKey_messageId_key" ON "Contribution"("channelKey", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Conclusion_sessionId_key" ON "Conclusion"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "ConclusionRevision_conclusionId_version_key" ON "ConclusionRevision"("conclusionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Action_sessionId_position_key" ON "Action"("sessionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_stream_id_idx" ON "OutboxMessage"("stream", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_channelKey_platformMessageId_idx" ON "OutboxMessage"("channelKey", "platformMessageId");

-- AddForeignKey
ALTER TABLE "SessionIndicator" ADD CONSTRAINT "SessionIndicator_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DuidingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionIndicator" ADD CONSTRAINT "SessionIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionThread" ADD CONSTRAINT "SessionThread_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DuidingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionThread" ADD CONSTRAINT "SessionThread_rootKey_fkey" FOREIGN KEY ("rootKey") REFERENCES "OutboxMessage"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DuidingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "SessionThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionRevision" ADD CONSTRAINT "ContributionRevision_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conclusion" ADD CONSTRAINT "Conclusion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DuidingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConclusionRevision" ADD CONSTRAINT "ConclusionRevision_conclusionId_fkey" FOREIGN KEY ("conclusionId") REFERENCES "Conclusion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DuidingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangePost" ADD CONSTRAINT "ChangePost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DuidingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

