-- CreateEnum
CREATE TYPE "RealmClientAuthMethod" AS ENUM ('CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'PRIVATE_KEY_JWT', 'NONE');

-- AlterTable
ALTER TABLE "RealmClient" ADD COLUMN     "jwks" JSONB,
ADD COLUMN     "jwksUri" TEXT,
ADD COLUMN     "tokenEndpointAuthMethod" "RealmClientAuthMethod" NOT NULL DEFAULT 'CLIENT_SECRET_BASIC';

-- Public clients authenticate with nothing but their client_id.
UPDATE "RealmClient" SET "tokenEndpointAuthMethod" = 'NONE' WHERE "type" = 'PUBLIC';

-- CreateTable
CREATE TABLE "RealmCertificateAuthority" (
    "realmId" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "privateKeyCiphertext" TEXT NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RealmCertificateAuthority_pkey" PRIMARY KEY ("realmId")
);

-- CreateTable
CREATE TABLE "RealmClientCertificate" (
    "serialNumber" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RealmClientCertificate_pkey" PRIMARY KEY ("serialNumber")
);

-- CreateIndex
CREATE INDEX "RealmClientCertificate_realmId_revokedAt_idx" ON "RealmClientCertificate"("realmId", "revokedAt");

-- CreateIndex
CREATE INDEX "RealmClientCertificate_clientId_createdAt_idx" ON "RealmClientCertificate"("clientId", "createdAt");

-- AddForeignKey
ALTER TABLE "RealmCertificateAuthority" ADD CONSTRAINT "RealmCertificateAuthority_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmClientCertificate" ADD CONSTRAINT "RealmClientCertificate_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmClientCertificate" ADD CONSTRAINT "RealmClientCertificate_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "RealmClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
