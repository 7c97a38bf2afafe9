// Realms: create (with its first active and staged signing keys and the built-in client scopes), list, read, change, delete.
import type { Prisma, Realm } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { ApiError } from "@/lib/http/errors";
import { getRealmOrThrow } from "./get-realm-or-throw";
import { issuerOf } from "./issuer-url";
import type { CreateRealmInput, ListRealmsQuery, RealmResource, UpdateRealmInput } from "./realm-schemas";
import { generateKeyMaterial, storeSigningKey } from "./signing-keys";
import { createBuiltInClientScopes } from "./realm-client-scope-builtins";

export function toRealmResource(realm: Realm): RealmResource {
  return {
    id: realm.id,
    name: realm.name,
    displayName: realm.displayName,
    enabled: realm.enabled,
    issuer: issuerOf(realm.name),
    accessTokenLifetimeSeconds: realm.accessTokenLifetimeSeconds,
    refreshTokenLifetimeSeconds: realm.refreshTokenLifetimeSeconds,
    signingAlgorithm: realm.signingAlgorithm,
    keyRotationIntervalSeconds: realm.keyRotationIntervalSeconds,
    mfaRequired: realm.mfaRequired,
    createdAt: realm.createdAt.toISOString(),
    updatedAt: realm.updatedAt.toISOString(),
  };
}

export async function createRealm(input: CreateRealmInput, actor: Actor) {
  const algorithm = input.signingAlgorithm ?? "RS256";
  const [signing, staged] = await Promise.all([generateKeyMaterial(algorithm), generateKeyMaterial(algorithm)]);
  const realm = await db().$transaction(async (tx) => {
    const created = await tx.realm.create({
      data: { name: input.name, displayName: input.displayName ?? input.name, signingAlgorithm: algorithm },
    });
    // One key signs from the start; its successor is published now, so the first rotation needs no JWKS refresh.
    await storeSigningKey(tx, created.id, signing, "ACTIVE");
    await storeSigningKey(tx, created.id, staged, "STAGED");
    await createBuiltInClientScopes(tx, created.id);
    await recordAuditEvent(tx, actor, { action: "realm.created", entityType: "realm", entityId: created.id, after: toRealmResource(created) });
    return created;
  });
  return { id: realm.id, name: realm.name, issuer: issuerOf(realm.name), realm: toRealmResource(realm) };
}

/** Ordered by name (unique), in pages (lib/http/cursor-page.ts). */
export async function listRealms(query: ListRealmsQuery) {
  const page = cursorPage<Prisma.RealmWhereInput, Prisma.RealmOrderByWithRelationInput>(query, [{ field: "name", direction: "asc" }]);
  const rows = await db().realm.findMany({ where: page.where, orderBy: page.orderBy, take: page.take });
  return page.answer(rows, toRealmResource);
}

export async function getRealm(name: string) {
  return toRealmResource(await getRealmOrThrow(name));
}

export async function updateRealm(name: string, input: UpdateRealmInput, actor: Actor) {
  const { after, republish } = await db().$transaction(async (tx) => {
    const before = await getRealmOrThrow(name, tx);
    const updated = await tx.realm.update({ where: { id: before.id }, data: input });
    const after = toRealmResource(updated);
    await recordAuditEvent(tx, actor, { action: "realm.updated", entityType: "realm", entityId: before.id, before: toRealmResource(before), after });
    // Disabled, the bound APIs trust none of its tokens (realm-jwt-for-gateway.ts); enabled, they do again.
    const republish =
      before.enabled === updated.enabled ? [] : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Api" WHERE "jwtRequirements"->>'realm' = ${before.name}`;
    return { after, republish };
  });
  if (republish.length > 0) {
    await publishGatewayChange(`realm ${after.name} ${after.enabled ? "enabled" : "disabled"}`, republish.map(({ id }) => ({ kind: "api" as const, id })));
  }
  return after;
}

export async function deleteRealm(name: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(name, tx);
    const bound = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Api" WHERE "jwtRequirements"->>'realm' = ${realm.name} LIMIT 1`;
    if (bound.length > 0) throw new ApiError("conflict", `APIs are bound to realm '${realm.name}'; unbind them first`);
    await tx.realm.delete({ where: { id: realm.id } });
    const before = toRealmResource(realm);
    await recordAuditEvent(tx, actor, { action: "realm.deleted", entityType: "realm", entityId: realm.id, before });
    return before;
  });
}
