-- CreateEnum
CREATE TYPE "RealmClientScopeKind" AS ENUM ('DEFAULT', 'OPTIONAL');

-- CreateTable
CREATE TABLE "RealmClientScope" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "protocol" TEXT NOT NULL DEFAULT 'openid-connect',
    "includeInTokenScope" BOOLEAN NOT NULL DEFAULT true,
    "mappers" JSONB NOT NULL DEFAULT '[]',
    "assignToNewClients" "RealmClientScopeKind",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RealmClientScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RealmClientScopeLink" (
    "clientId" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "kind" "RealmClientScopeKind" NOT NULL,

    CONSTRAINT "RealmClientScopeLink_pkey" PRIMARY KEY ("clientId","scopeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "RealmClientScope_realmId_name_key" ON "RealmClientScope"("realmId", "name");

-- CreateIndex
CREATE INDEX "RealmClientScopeLink_scopeId_idx" ON "RealmClientScopeLink"("scopeId");

-- AddForeignKey
ALTER TABLE "RealmClientScope" ADD CONSTRAINT "RealmClientScope_realmId_fkey" FOREIGN KEY ("realmId") REFERENCES "Realm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmClientScopeLink" ADD CONSTRAINT "RealmClientScopeLink_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "RealmClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RealmClientScopeLink" ADD CONSTRAINT "RealmClientScopeLink_scopeId_fkey" FOREIGN KEY ("scopeId") REFERENCES "RealmClientScope"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- The built-in scopes of every existing realm (the same as lib/iam/realms/realm-client-scope-builtins.ts
-- creates with a new realm): together they emit exactly the claims access tokens carried before.
INSERT INTO "RealmClientScope" ("id", "realmId", "name", "description", "includeInTokenScope", "mappers", "assignToNewClients", "updatedAt")
SELECT 'cs' || md5(r."id" || b."name"), r."id", b."name", b."description", b."include", b."mappers"::jsonb, b."kind"::"RealmClientScopeKind", CURRENT_TIMESTAMP
FROM "Realm" r
CROSS JOIN (VALUES
    ('basic', 'Claims every token carries: preferred_username', false, '[{"name":"username","type":"user-attribute","attribute":"username","claim":"preferred_username"}]', 'DEFAULT'),
    ('roles', 'Realm roles (realm_access.roles) and client roles (resource_access)', false, '[{"name":"realm roles","type":"realm-roles","claim":"realm_access.roles"},{"name":"client roles","type":"client-roles","claim":"resource_access"}]', 'DEFAULT'),
    ('profile', 'OpenID Connect profile: preferred_username', true, '[{"name":"username","type":"user-attribute","attribute":"username","claim":"preferred_username"}]', 'OPTIONAL'),
    ('email', 'OpenID Connect email: the user''s email address', true, '[{"name":"email","type":"user-attribute","attribute":"email","claim":"email"}]', 'OPTIONAL')
) AS b("name", "description", "include", "mappers", "kind");

-- Every existing client keeps its tokens: basic and roles by default, profile and email on request.
INSERT INTO "RealmClientScopeLink" ("clientId", "scopeId", "kind")
SELECT c."id", s."id", s."assignToNewClients"
FROM "RealmClient" c
JOIN "RealmClientScope" s ON s."realmId" = c."realmId" AND s."assignToNewClients" IS NOT NULL;
