-- AlterTable
ALTER TABLE "AdminApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3);
