-- AlterTable
ALTER TABLE "Api" ADD COLUMN     "backendSettings" JSONB,
ADD COLUMN     "policy" JSONB,
ADD COLUMN     "tlsSettings" JSONB;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "policy" JSONB;

-- CreateTable
CREATE TABLE "OperationPolicy" (
    "id" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "policy" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OperationPolicy_apiId_method_path_key" ON "OperationPolicy"("apiId", "method", "path");

-- AddForeignKey
ALTER TABLE "OperationPolicy" ADD CONSTRAINT "OperationPolicy_apiId_fkey" FOREIGN KEY ("apiId") REFERENCES "Api"("id") ON DELETE CASCADE ON UPDATE CASCADE;
