// A realm's OAuth clients. Confidential clients get a 256-bit random secret, answered once
// (on creation and rotation); only its SHA-256 is stored, like management API tokens.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { getRealmOrThrow } from "./get-realm-or-throw";
import { publishRealmRevocation } from "./publish-revocation";
import { Prisma, type RealmClientAuthMethod } from "@/generated/prisma/client";
import { cursorPage } from "@/lib/http/cursor-page";
import {
  clientAuthProblem,
  type ClientResource,
  type CreateClientInput,
  type ListClientsQuery,
  type TokenEndpointAuthMethod,
  type UpdateClientInput,
} from "./realm-client-schemas";
import { resolveRoleIds } from "./realm-directory";
import { assignClientScopes } from "./realm-client-scopes";

const clientInclude = {
  serviceRoles: { select: { name: true }, orderBy: { name: "asc" } },
  ownRoles: { select: { name: true }, orderBy: { name: "asc" } },
  clientScopes: { select: { kind: true, scope: { select: { name: true } } }, orderBy: { scope: { name: "asc" } } },
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
    defaultClientScopes: c.clientScopes.filter((l) => l.kind === "DEFAULT").map((l) => l.scope.name),
    optionalClientScopes: c.clientScopes.filter((l) => l.kind === "OPTIONAL").map((l) => l.scope.name),
    redirectUris: c.redirectUris,
    audiences: c.audiences,
    accessTokenLifetimeSeconds: c.accessTokenLifetimeSeconds,
    refreshTokenLifetimeSeconds: c.refreshTokenLifetimeSeconds,
    tokenEndpointAuthMethod: c.tokenEndpointAuthMethod.toLowerCase() as TokenEndpointAuthMethod,
    jwks: (c.jwks as ClientResource["jwks"]) ?? null,
    jwksUri: c.jwksUri,
    createdAt: c.createdAt.toISOString(),
  };
}

const storedMethod = (method: TokenEndpointAuthMethod) => method.toUpperCase() as RealmClientAuthMethod;
const usesSecret = (method: TokenEndpointAuthMethod) => method === "client_secret_basic" || method === "client_secret_post";
const jsonOrNull = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/** "pcs_" marks it as ours for secret scanners, then 32 random bytes. */
export const newSecret = () => `pcs_${randomBytes(32).toString("base64url")}`;

export async function createClient(realmName: string, input: CreateClientInput, actor: Actor) {
  if (input.type === "public" && input.roles.length > 0) {
    throw new ApiError("validation_failed", "A public client has no credentials of its own, so it cannot hold service roles");
  }
  const method = input.tokenEndpointAuthMethod ?? (input.type === "public" ? "none" : "client_secret_basic");
  // A private_key_jwt client has no shared secret at all (RFC 7523 2.2).
  const secret = input.type === "confidential" && usesSecret(method) ? newSecret() : null;
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
        tokenEndpointAuthMethod: storedMethod(method),
        ...(input.jwks ? { jwks: input.jwks as Prisma.InputJsonValue } : {}),
        jwksUri: input.jwksUri ?? null,
        serviceRoles: { connect: await resolveRoleIds(tx, realm.id, input.roles) },
        ownRoles: { create: [...new Set(input.clientRoles)].map((name) => ({ name })) },
      },
    });
    await assignClientScopes(tx, realm.id, created.id, input, { isNew: true });
    const client = toClientResource(await findClient(tx, realm.id, created.clientId));
    await recordAuditEvent(tx, actor, { action: "realm.client_created", entityType: "realm_client", entityId: created.id, after: { realm: realm.name, ...client } });
    return { clientId: client.clientId, clientSecret: secret, client };
  });
}

/** By clientId, in pages (lib/http/cursor-page.ts), optionally only those whose clientId contains `search`. */
export async function listClients(realmName: string, query: ListClientsQuery) {
  const realm = await getRealmOrThrow(realmName);
  const page = cursorPage<Prisma.RealmClientWhereInput, Prisma.RealmClientOrderByWithRelationInput>(query, [{ field: "clientId", direction: "asc" }]);
  const where: Prisma.RealmClientWhereInput = { realmId: realm.id, ...(query.search ? { clientId: { contains: query.search, mode: "insensitive" } } : {}) };
  const rows = await db().realmClient.findMany({ where: { AND: [where, page.where] }, include: clientInclude, orderBy: page.orderBy, take: page.take });
  return page.answer(rows, toClientResource);
}

export async function getClient(realmName: string, clientId: string) {
  const realm = await getRealmOrThrow(realmName);
  return toClientResource(await findClient(db(), realm.id, clientId));
}

export async function updateClient(realmName: string, clientId: string, input: UpdateClientInput, actor: Actor) {
  const { after, enabledChanged, realmId } = await db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const before = await findClient(tx, realm.id, clientId);
    if (before.type === "PUBLIC" && input.roles?.length) {
      throw new ApiError("validation_failed", "A public client has no credentials of its own, so it cannot hold service roles");
    }
    const { roles, clientRoles, tokenEndpointAuthMethod, jwks, jwksUri, defaultClientScopes, optionalClientScopes, ...fields } = input;
    const beforeMethod = before.tokenEndpointAuthMethod.toLowerCase() as TokenEndpointAuthMethod;
    const method = tokenEndpointAuthMethod ?? beforeMethod;
    // Keys stay with a private_key_jwt client; leaving that method drops them unless the PATCH names them.
    const keys = {
      jwks: jwks !== undefined ? jwks : method === "private_key_jwt" ? before.jwks : null,
      jwksUri: jwksUri !== undefined ? jwksUri : method === "private_key_jwt" ? before.jwksUri : null,
    };
    const problem = clientAuthProblem({ type: before.type === "CONFIDENTIAL" ? "confidential" : "public", method, ...keys });
    if (problem) throw new ApiError("validation_failed", problem);
    const authFields =
      tokenEndpointAuthMethod === undefined && jwks === undefined && jwksUri === undefined
        ? {}
        : {
            tokenEndpointAuthMethod: storedMethod(method),
            jwks: jsonOrNull(keys.jwks),
            jwksUri: keys.jwksUri,
            // Moving to (or between) key-based methods ends the secret; moving back needs rotate-secret.
            ...(usesSecret(method) ? {} : { secretHash: null }),
          };
    if (clientRoles) {
      await tx.realmClientRole.deleteMany({ where: { clientId: before.id, name: { notIn: clientRoles } } });
      await tx.realmClientRole.createMany({ data: clientRoles.map((name) => ({ clientId: before.id, name })), skipDuplicates: true });
    }
    await assignClientScopes(tx, realm.id, before.id, { defaultClientScopes, optionalClientScopes }, { isNew: false });
    const updated = await tx.realmClient.update({
      where: { id: before.id },
      data: { ...fields, ...authFields, serviceRoles: roles ? { set: await resolveRoleIds(tx, realm.id, roles) } : undefined },
      include: clientInclude,
    });
    // A disabled client's refresh tokens end now; its short access tokens end on their own.
    if (input.enabled === false) {
      await tx.realmRefreshFamily.updateMany({ where: { clientId: before.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    const after = toClientResource(updated);
    await recordAuditEvent(tx, actor, { action: "realm.client_updated", entityType: "realm_client", entityId: before.id, before: toClientResource(before), after });
    return { after, enabledChanged: before.enabled !== updated.enabled, realmId: realm.id };
  });
  // The gateways refuse a disabled client's tokens (and accept them again once re-enabled).
  if (enabledChanged) {
    await publishRealmRevocation(`realm ${realmName} client ${clientId} ${after.enabled ? "enabled" : "disabled"}`, realmId, [{ kind: "client", value: clientId }]);
  }
  return after;
}

export async function rotateClientSecret(realmName: string, clientId: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const client = await findClient(tx, realm.id, clientId);
    if (client.type !== "CONFIDENTIAL") throw new ApiError("conflict", "A public client has no secret to rotate");
    if (client.tokenEndpointAuthMethod === "PRIVATE_KEY_JWT") {
      throw new ApiError("conflict", "A private_key_jwt client has no secret; switch its tokenEndpointAuthMethod first");
    }
    const secret = newSecret();
    await tx.realmClient.update({ where: { id: client.id }, data: { secretHash: sha256Hex(secret) } });
    await recordAuditEvent(tx, actor, { action: "realm.client_secret_rotated", entityType: "realm_client", entityId: client.id, after: { realm: realm.name, clientId } });
    return { clientId, clientSecret: secret };
  });
}
