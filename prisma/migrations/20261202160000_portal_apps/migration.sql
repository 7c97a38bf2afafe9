-- Developers' apps in the portal (issue #19, My apps): a realm client owned by a console user,
-- with the name and description its owner gave it; and a subscription bound to one app, whose
-- key the gateway then accepts only with a token issued to that client.
ALTER TABLE "RealmClient" ADD COLUMN "ownerId" TEXT;
ALTER TABLE "RealmClient" ADD COLUMN "appName" TEXT;
ALTER TABLE "RealmClient" ADD COLUMN "appDescription" TEXT;
CREATE INDEX "RealmClient_ownerId_createdAt_id_idx" ON "RealmClient"("ownerId", "createdAt", "id");
ALTER TABLE "RealmClient" ADD CONSTRAINT "RealmClient_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Subscription" ADD COLUMN "boundClientId" TEXT;
CREATE INDEX "Subscription_boundClientId_idx" ON "Subscription"("boundClientId");
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_boundClientId_fkey" FOREIGN KEY ("boundClientId") REFERENCES "RealmClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;
