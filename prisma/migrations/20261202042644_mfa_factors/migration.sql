-- CreateEnum
CREATE TYPE "MfaFactorType" AS ENUM ('TOTP', 'WEBAUTHN');

-- AlterTable
ALTER TABLE "Realm" ADD COLUMN     "mfaRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "MfaFactor" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "realmUserId" TEXT,
    "type" "MfaFactorType" NOT NULL,
    "label" TEXT NOT NULL,
    "totpSecretSealed" TEXT,
    "totpLastStep" INTEGER,
    "credentialId" TEXT,
    "publicKey" BYTEA,
    "signCount" INTEGER NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "confirmedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MfaFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MfaRecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "realmUserId" TEXT,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MfaRecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MfaFactor_credentialId_key" ON "MfaFactor"("credentialId");

-- CreateIndex
CREATE INDEX "MfaFactor_userId_idx" ON "MfaFactor"("userId");

-- CreateIndex
CREATE INDEX "MfaFactor_realmUserId_idx" ON "MfaFactor"("realmUserId");

-- CreateIndex
CREATE INDEX "MfaRecoveryCode_userId_idx" ON "MfaRecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "MfaRecoveryCode_realmUserId_idx" ON "MfaRecoveryCode"("realmUserId");

-- AddForeignKey
ALTER TABLE "MfaFactor" ADD CONSTRAINT "MfaFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaFactor" ADD CONSTRAINT "MfaFactor_realmUserId_fkey" FOREIGN KEY ("realmUserId") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaRecoveryCode" ADD CONSTRAINT "MfaRecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaRecoveryCode" ADD CONSTRAINT "MfaRecoveryCode_realmUserId_fkey" FOREIGN KEY ("realmUserId") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one owner: a console user or a realm user (Prisma does not model CHECK constraints).
ALTER TABLE "MfaFactor" ADD CONSTRAINT "MfaFactor_one_owner" CHECK (("userId" IS NULL) <> ("realmUserId" IS NULL));
ALTER TABLE "MfaRecoveryCode" ADD CONSTRAINT "MfaRecoveryCode_one_owner" CHECK (("userId" IS NULL) <> ("realmUserId" IS NULL));
