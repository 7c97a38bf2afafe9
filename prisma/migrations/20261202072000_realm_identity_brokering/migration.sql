-- Identity brokering: realm users sign in through a realm's identity providers (#16).
CREATE TYPE "RealmBrokerFirstLogin" AS ENUM ('LINK_BY_EMAIL', 'CREATE');

ALTER TABLE "RealmIdentityProvider"
  ADD COLUMN "signInEnabled" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "displayName" TEXT,
  ADD COLUMN "brokerClientId" TEXT,
  ADD COLUMN "brokerClientSecretCiphertext" TEXT,
  ADD COLUMN "brokerScopes" TEXT[] DEFAULT ARRAY['openid', 'email', 'profile']::TEXT[],
  ADD COLUMN "brokerFirstLogin" "RealmBrokerFirstLogin" NOT NULL DEFAULT 'CREATE';

CREATE TABLE "RealmUserIdentityLink" (
    "id" TEXT NOT NULL,
    "realmUserId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RealmUserIdentityLink_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RealmUserIdentityLink_providerId_subject_key" ON "RealmUserIdentityLink"("providerId", "subject");
CREATE UNIQUE INDEX "RealmUserIdentityLink_realmUserId_providerId_key" ON "RealmUserIdentityLink"("realmUserId", "providerId");

ALTER TABLE "RealmUserIdentityLink" ADD CONSTRAINT "RealmUserIdentityLink_realmUserId_fkey" FOREIGN KEY ("realmUserId") REFERENCES "RealmUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RealmUserIdentityLink" ADD CONSTRAINT "RealmUserIdentityLink_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "RealmIdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;
