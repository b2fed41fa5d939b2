-- CreateTable
CREATE TABLE "GuestLink" (
    "id" SERIAL NOT NULL,
    "publicId" TEXT NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "channelKey" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,

    CONSTRAINT "GuestLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GuestLink_publicId_key" ON "GuestLink"("publicId");

-- CreateIndex
CREATE INDEX "GuestLink_sessionId_idx" ON "GuestLink"("sessionId");

-- AddForeignKey
ALTER TABLE "GuestLink" ADD CONSTRAINT "GuestLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DuidingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

