-- CreateEnum
CREATE TYPE "VersioningScheme" AS ENUM ('PATH', 'HEADER', 'QUERY');

-- DropIndex
DROP INDEX "Api_path_key";

-- AlterTable
ALTER TABLE "Api" ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "sunsetAt" TIMESTAMP(3),
ADD COLUMN     "versionName" TEXT,
ADD COLUMN     "versionSetId" TEXT;

-- AlterTable
ALTER TABLE "ApiRevision" ADD COLUMN     "sourceFormat" TEXT NOT NULL DEFAULT 'openapi-3';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "ownerId" TEXT;

-- CreateTable
CREATE TABLE "WorkspaceSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiVersionSet" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "scheme" "VersioningScheme" NOT NULL DEFAULT 'PATH',
    "parameterName" TEXT NOT NULL DEFAULT 'api-version',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiVersionSet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiVersionSet_name_key" ON "ApiVersionSet"("name");

-- CreateIndex
CREATE INDEX "AdminApiToken_createdById_idx" ON "AdminApiToken"("createdById");

-- CreateIndex
CREATE INDEX "Api_path_idx" ON "Api"("path");

-- CreateIndex
CREATE INDEX "Api_versionSetId_idx" ON "Api"("versionSetId");

-- CreateIndex
CREATE INDEX "Api_ownerId_idx" ON "Api"("ownerId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE INDEX "ProductApi_apiId_idx" ON "ProductApi"("apiId");

-- CreateIndex
CREATE INDEX "Subscription_apiId_idx" ON "Subscription"("apiId");

-- CreateIndex
CREATE INDEX "Subscription_state_idx" ON "Subscription"("state");

-- AddForeignKey
ALTER TABLE "Api" ADD CONSTRAINT "Api_versionSetId_fkey" FOREIGN KEY ("versionSetId") REFERENCES "ApiVersionSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Api" ADD CONSTRAINT "Api_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
