-- AlterTable
ALTER TABLE "Api" ADD COLUMN     "jwtRequirements" JSONB;
