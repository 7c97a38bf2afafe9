-- AlterTable
ALTER TABLE "Api" ADD COLUMN     "allowEncodedSlashes" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "allowWebSockets" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ApiVersionSet" ADD COLUMN     "ownerId" TEXT;

-- CreateIndex
CREATE INDEX "ApiVersionSet_ownerId_idx" ON "ApiVersionSet"("ownerId");

-- AddForeignKey
ALTER TABLE "ApiVersionSet" ADD CONSTRAINT "ApiVersionSet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: a set's owner is the publisher its "version_set.created" audit event names
-- (the user, or the user who created the token that acted). Sets made by platform
-- admins, or without an event (seeded), stay ownerless: only admins manage them.
UPDATE "ApiVersionSet" s
SET "ownerId" = created.owner_id
FROM (
  SELECT DISTINCT ON (e."entityId") e."entityId" AS set_id,
         CASE WHEN e."actorType" = 'user' THEN e."actorId" ELSE t."createdById" END AS owner_id
  FROM "AuditEvent" e
  LEFT JOIN "AdminApiToken" t ON e."actorType" <> 'user' AND t."id" = e."actorId"
  WHERE e."action" = 'version_set.created' AND e."entityType" = 'version_set'
  ORDER BY e."entityId", e."at"
) created
JOIN "User" u ON u."id" = created.owner_id AND u."role" = 'API_PUBLISHER'
WHERE s."id" = created.set_id;
