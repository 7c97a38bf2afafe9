// A realm's OAuth clients. Confidential clients get a 256-bit random secret, answered once
// (on creation and rotation); only its SHA-256 is stored, like management API tokens.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { getRealmOrThrow } from "./get-realm-or-throw";
import type { ClientResource, CreateClientInput, UpdateClientInput } from "./realm-client-schemas";
import { resolveRoleIds } from "./realm-directory";

const clientInclude = {
  serviceRoles: { select: { name: true }, orderBy: { name: "asc" } },
  ownRoles: { select: { name: true }, orderBy: { name: "asc" } },
} as const;

type ClientWithRoles = Awaited<ReturnType<typeof findClient>>;

async function findClient(tx: Pick<DbTransaction, "realmClient">, realmId: string, clientId: string) {
  const client = await tx.realmClient.findUnique({ where: { realmId_clientId: { realmId, clientId } }, include: clientInclude });
  if (!client) throw notFound("Client", clientId);
  return client;
}

export function toClientResource(c: ClientWithRoles): ClientResource {
  return {
    id: c.id,
    clientId: c.clientId,
    type: c.type === "CONFIDENTIAL" ? "confidential" : "public",
    enabled: c.enabled,
    roles: c.serviceRoles.map((r) => r.name),
    clientRoles: c.ownRoles.map((r) => r.name),
    scopes: c.scopes,
    redirectUris: c.redirectUris,
    audiences: c.audiences,
    accessTokenLifetimeSeconds: c.accessTokenLifetimeSeconds,
    refreshTokenLifetimeSeconds: c.refreshTokenLifetimeSeconds,
    createdAt: c.createdAt.toISOString(),
  };
}

/** "pcs_" marks it as ours for secret scanners, then 32 random bytes. */
const newSecret = () => `pcs_${randomBytes(32).toString("base64url")}`;

export async function createClient(realmName: string, input: CreateClientInput, actor: Actor) {
  if (input.type === "public" && input.roles.length > 0) {
    throw new ApiError("validation_failed", "A public client has no credentials of its own, so it cannot hold service roles");
  }
  const secret = input.type === "confidential" ? newSecret() : null;
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const created = await tx.realmClient.create({
      data: {
        realmId: realm.id,
        clientId: input.clientId,
        type: input.type === "confidential" ? "CONFIDENTIAL" : "PUBLIC",
        secretHash: secret ? sha256Hex(secret) : null,
        redirectUris: input.redirectUris,
        scopes: input.scopes,
        audiences: input.audiences,
        accessTokenLifetimeSeconds: input.accessTokenLifetimeSeconds ?? null,
        refreshTokenLifetimeSeconds: input.refreshTokenLifetimeSeconds ?? null,
        serviceRoles: { connect: await resolveRoleIds(tx, realm.id, input.roles) },
        ownRoles: { create: [...new Set(input.clientRoles)].map((name) => ({ name })) },
      },
      include: clientInclude,
    });
    const client = toClientResource(created);
    await recordAuditEvent(tx, actor, { action: "realm.client_created", entityType: "realm_client", entityId: created.id, after: { realm: realm.name, ...client } });
    return { clientId: client.clientId, clientSecret: secret, client };
  });
}

export async function listClients(realmName: string) {
  const realm = await getRealmOrThrow(realmName);
  const rows = await db().realmClient.findMany({ where: { realmId: realm.id }, include: clientInclude, orderBy: { clientId: "asc" } });
  return rows.map(toClientResource);
}

export async function getClient(realmName: string, clientId: string) {
  const realm = await getRealmOrThrow(realmName);
  return toClientResource(await findClient(db(), realm.id, clientId));
}

export async function updateClient(realmName: string, clientId: string, input: UpdateClientInput, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const before = await findClient(tx, realm.id, clientId);
    if (before.type === "PUBLIC" && input.roles?.length) {
      throw new ApiError("validation_failed", "A public client has no credentials of its own, so it cannot hold service roles");
    }
    const { roles, clientRoles, ...fields } = input;
    if (clientRoles) {
      await tx.realmClientRole.deleteMany({ where: { clientId: before.id, name: { notIn: clientRoles } } });
      await tx.realmClientRole.createMany({ data: clientRoles.map((name) => ({ clientId: before.id, name })), skipDuplicates: true });
    }
    const updated = await tx.realmClient.update({
      where: { id: before.id },
      data: { ...fields, serviceRoles: roles ? { set: await resolveRoleIds(tx, realm.id, roles) } : undefined },
      include: clientInclude,
    });
    // A disabled client's refresh tokens end now; its short access tokens end on their own.
    if (input.enabled === false) {
      await tx.realmRefreshFamily.updateMany({ where: { clientId: before.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    const after = toClientResource(updated);
    await recordAuditEvent(tx, actor, { action: "realm.client_updated", entityType: "realm_client", entityId: before.id, before: toClientResource(before), after });
    return after;
  });
}

export async function rotateClientSecret(realmName: string, clientId: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const client = await findClient(tx, realm.id, clientId);
    if (client.type !== "CONFIDENTIAL") throw new ApiError("conflict", "A public client has no secret to rotate");
    const secret = newSecret();
    await tx.realmClient.update({ where: { id: client.id }, data: { secretHash: sha256Hex(secret) } });
    await recordAuditEvent(tx, actor, { action: "realm.client_secret_rotated", entityType: "realm_client", entityId: client.id, after: { realm: realm.name, clientId } });
    return { clientId, clientSecret: secret };
  });
}
