-- AlterTable
ALTER TABLE "User" ADD COLUMN     "failedLoginAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastFailedLoginAt" TIMESTAMP(3),
ADD COLUMN     "lockedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "GatewayConfigDelivery" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "pendingSince" TIMESTAMP(3),
    "pendingReason" TEXT,
    "deliveredVersion" INTEGER,
    "deliveredAt" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GatewayConfigDelivery_pkey" PRIMARY KEY ("id")
);
