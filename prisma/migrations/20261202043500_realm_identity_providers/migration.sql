-- CreateTable
CREATE TABLE "RealmIdentityProvider" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "jwksUri" TEXT NOT NULL,
    "discovered" BOOLEAN NOT NULL,
    "audience" TEXT,
    "roleMappings" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RealmIdentityProvider_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RealmIdentityProvider_realmId_alias_key" ON "RealmIdentityProvider"("realmId", "alias");

-- CreateIndex
CREATE UNIQUE INDEX "RealmIdentityProvider_realmId_issuer_key" ON "RealmIdentityProvider"("realmId", "issuer");

-- AddForeignKey
ALTER TABLE "RealmIdentityProvider" ADD CONSTRAINT "RealmIdentityProvider_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
