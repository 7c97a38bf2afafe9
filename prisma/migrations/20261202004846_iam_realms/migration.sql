/*
  Warnings:

  - You are about to drop the column `slug` on the `Realm` table. All the data in the column will be lost.
  - A unique constraint covering the columns `[name]` on the table `Realm` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `name` to the `Realm` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "RealmClientType" AS ENUM ('CONFIDENTIAL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "RealmKeyAlgorithm" AS ENUM ('RS256', 'ES256');

-- CreateEnum
CREATE TYPE "RealmKeyState" AS ENUM ('STAGED', 'ACTIVE', 'PASSIVE');

-- DropIndex
DROP INDEX "Realm_slug_key";

-- AlterTable
ALTER TABLE "Realm" DROP COLUMN "slug",
ADD COLUMN     "accessTokenLifetimeSeconds" INTEGER NOT NULL DEFAULT 300,
ADD COLUMN     "authCodeLifetimeSeconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "keyRotationIntervalSeconds" INTEGER,
ADD COLUMN     "name" TEXT NOT NULL,
ADD COLUMN     "refreshTokenLifetimeSeconds" INTEGER NOT NULL DEFAULT 1800,
ADD COLUMN     "signingAlgorithm" "RealmKeyAlgorithm" NOT NULL DEFAULT 'RS256';

-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "RealmClientRole" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RealmClientRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealmGroup" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RealmGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealmUser" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "email" TEXT,
    "passwordHash" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RealmUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealmClient" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "type" "RealmClientType" NOT NULL,
    "secretHash" TEXT,
    "redirectUris" TEXT[],
    "scopes" TEXT[],
    "audiences" TEXT[],
    "accessTokenLifetimeSeconds" INTEGER,
    "refreshTokenLifetimeSeconds" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RealmClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealmSigningKey" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "algorithm" "RealmKeyAlgorithm" NOT NULL,
    "state" "RealmKeyState" NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "privateKeyCiphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "RealmSigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealmRefreshFamily" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "userId" TEXT,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "RealmRefreshFamily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealmRefreshToken" (
    "tokenHash" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RealmRefreshToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "RealmAuthorizationCode" (
    "codeHash" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "nonce" TEXT,
    "codeChallenge" TEXT,
    "codeChallengeMethod" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "familyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RealmAuthorizationCode_pkey" PRIMARY KEY ("codeHash")
);

-- CreateTable
CREATE TABLE "RealmRevokedToken" (
    "jti" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RealmRevokedToken_pkey" PRIMARY KEY ("jti")
);

-- CreateTable
CREATE TABLE "_RealmUserClientRoles" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RealmUserClientRoles_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_RealmGroupRoles" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RealmGroupRoles_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_RealmUserGroups" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RealmUserGroups_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_RealmUserRoles" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RealmUserRoles_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_RealmClientServiceRoles" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_RealmClientServiceRoles_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "RealmClientRole_clientId_name_key" ON "RealmClientRole"("clientId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RealmGroup_realmId_name_key" ON "RealmGroup"("realmId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RealmUser_realmId_username_key" ON "RealmUser"("realmId", "username");

-- CreateIndex
CREATE UNIQUE INDEX "RealmClient_realmId_clientId_key" ON "RealmClient"("realmId", "clientId");

-- CreateIndex
CREATE INDEX "RealmSigningKey_realmId_state_idx" ON "RealmSigningKey"("realmId", "state");

-- CreateIndex
CREATE INDEX "RealmRefreshToken_familyId_idx" ON "RealmRefreshToken"("familyId");

-- CreateIndex
CREATE INDEX "_RealmUserClientRoles_B_index" ON "_RealmUserClientRoles"("B");

-- CreateIndex
CREATE INDEX "_RealmGroupRoles_B_index" ON "_RealmGroupRoles"("B");

-- CreateIndex
CREATE INDEX "_RealmUserGroups_B_index" ON "_RealmUserGroups"("B");

-- CreateIndex
CREATE INDEX "_RealmUserRoles_B_index" ON "_RealmUserRoles"("B");

-- CreateIndex
CREATE INDEX "_RealmClientServiceRoles_B_index" ON "_RealmClientServiceRoles"("B");

-- CreateIndex
CREATE UNIQUE INDEX "Realm_name_key" ON "Realm"("name");

-- AddForeignKey
ALTER TABLE "RealmClientRole" ADD CONSTRAINT "RealmClientRole_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "RealmClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmGroup" ADD CONSTRAINT "RealmGroup_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmUser" ADD CONSTRAINT "RealmUser_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmClient" ADD CONSTRAINT "RealmClient_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmSigningKey" ADD CONSTRAINT "RealmSigningKey_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmRefreshFamily" ADD CONSTRAINT "RealmRefreshFamily_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmRefreshFamily" ADD CONSTRAINT "RealmRefreshFamily_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "RealmClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmRefreshFamily" ADD CONSTRAINT "RealmRefreshFamily_userId_fkey" FOREIGN KEY ("userId") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmRefreshToken" ADD CONSTRAINT "RealmRefreshToken_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "RealmRefreshFamily"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmAuthorizationCode" ADD CONSTRAINT "RealmAuthorizationCode_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "RealmClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmAuthorizationCode" ADD CONSTRAINT "RealmAuthorizationCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmRevokedToken" ADD CONSTRAINT "RealmRevokedToken_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmUserClientRoles" ADD CONSTRAINT "_RealmUserClientRoles_A_fkey" FOREIGN KEY ("A") REFERENCES "RealmClientRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmUserClientRoles" ADD CONSTRAINT "_RealmUserClientRoles_B_fkey" FOREIGN KEY ("B") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmGroupRoles" ADD CONSTRAINT "_RealmGroupRoles_A_fkey" FOREIGN KEY ("A") REFERENCES "RealmGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmGroupRoles" ADD CONSTRAINT "_RealmGroupRoles_B_fkey" FOREIGN KEY ("B") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmUserGroups" ADD CONSTRAINT "_RealmUserGroups_A_fkey" FOREIGN KEY ("A") REFERENCES "RealmGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmUserGroups" ADD CONSTRAINT "_RealmUserGroups_B_fkey" FOREIGN KEY ("B") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmUserRoles" ADD CONSTRAINT "_RealmUserRoles_A_fkey" FOREIGN KEY ("A") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmUserRoles" ADD CONSTRAINT "_RealmUserRoles_B_fkey" FOREIGN KEY ("B") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmClientServiceRoles" ADD CONSTRAINT "_RealmClientServiceRoles_A_fkey" FOREIGN KEY ("A") REFERENCES "RealmClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_RealmClientServiceRoles" ADD CONSTRAINT "_RealmClientServiceRoles_B_fkey" FOREIGN KEY ("B") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;
