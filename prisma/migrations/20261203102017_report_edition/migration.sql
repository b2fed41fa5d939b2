-- CreateTable
CREATE TABLE "ReportEdition" (
    "id" SERIAL NOT NULL,
    "dinSlug" TEXT NOT NULL,
    "edition" INTEGER NOT NULL,
    "lang" TEXT NOT NULL,
    "public" BOOLEAN NOT NULL,
    "contentHash" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportEdition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportEdition_dinSlug_edition_lang_public_key" ON "ReportEdition"("dinSlug", "edition", "lang", "public");

