// A realm's identity providers: register (discovering the JWKS URI unless given), list, read,
// change, remove, test. Each change is audited and republishes the APIs bound to the realm, whose
// gateway JWT config lists the providers (realm-jwt-for-gateway.ts). The sign-in settings
// (brokering) are columns of the same row: broker/broker-settings.ts.
import type { RealmIdentityProvider } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db, type DbTransaction } from "@/lib/db";
import { cursorPage, type PageQuery } from "@/lib/http/cursor-page";
import { ApiError, notFound } from "@/lib/http/errors";
import { brokerColumns, brokerRedirectUri, checkBrokerSettings, firstLoginToApi } from "./broker/broker-settings";
import { getRealmOrThrow } from "./get-realm-or-throw";
import { discoverJwksUri, ProviderFetchError, testProviderConnection } from "./identity-provider-discovery";
import { issuerOf } from "./issuer-url";
import type {
  CreateIdentityProviderInput,
  IdentityProviderResource,
  RoleMapping,
  UpdateIdentityProviderInput,
} from "./realm-identity-provider-schemas";

type Tx = Pick<DbTransaction, "realmIdentityProvider" | "role" | "$queryRaw">;

export function toIdentityProviderResource(p: RealmIdentityProvider, realmName: string): IdentityProviderResource {
  return {
    id: p.id,
    alias: p.alias,
    issuer: p.issuer,
    jwksUri: p.jwksUri,
    discovered: p.discovered,
    audience: p.audience,
    roleMappings: p.roleMappings as RoleMapping[],
    displayName: p.displayName,
    signInEnabled: p.signInEnabled,
    clientId: p.brokerClientId,
    hasClientSecret: p.brokerClientSecretCiphertext !== null,
    scopes: p.brokerScopes,
    firstLogin: firstLoginToApi(p.brokerFirstLogin),
    redirectUri: brokerRedirectUri(realmName, p.alias),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function findProvider(tx: Pick<DbTransaction, "realmIdentityProvider">, realmId: string, alias: string) {
  const provider = await tx.realmIdentityProvider.findUnique({ where: { realmId_alias: { realmId, alias } } });
  if (!provider) throw notFound("Identity provider", alias);
  return provider;
}

/** The explicit JWKS URI, or the one the issuer's discovery document names (checked to be that issuer's). */
async function resolveJwksUri(issuer: string, jwksUri: string | undefined) {
  if (jwksUri) return { jwksUri, discovered: false };
  try {
    return { jwksUri: await discoverJwksUri(issuer), discovered: true };
  } catch (err) {
    if (err instanceof ProviderFetchError) throw new ApiError("unprocessable", `Discovery failed: ${err.message}`);
    throw err;
  }
}

async function checkMappings(tx: Tx, realmId: string, mappings: RoleMapping[]) {
  const names = [...new Set(mappings.map((m) => m.role))];
  if (names.length === 0) return;
  const found = await tx.role.findMany({ where: { realmId, name: { in: names } }, select: { name: true } });
  const missing = names.filter((n) => !found.some((r) => r.name === n));
  if (missing.length > 0) throw new ApiError("unprocessable", `Role mappings name roles this realm does not have: ${missing.join(", ")}`);
}

function checkIssuer(realmName: string, issuer: string) {
  if (issuer === issuerOf(realmName)) throw new ApiError("unprocessable", "A realm cannot be an identity provider of itself");
}

/** The ids of the APIs bound to the realm: what a change to its providers must republish. */
async function boundApiIds(tx: Pick<DbTransaction, "$queryRaw">, realmName: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Api" WHERE "jwtRequirements"->>'realm' = ${realmName}`;
  return rows.map((r) => r.id);
}

async function republish(realmName: string, apiIds: string[], what: string) {
  if (apiIds.length > 0) {
    await publishGatewayChange(`identity provider ${what} of realm ${realmName}`, apiIds.map((id) => ({ kind: "api" as const, id })));
  }
}

export async function createIdentityProvider(realmName: string, input: CreateIdentityProviderInput, actor: Actor) {
  checkIssuer(realmName, input.issuer);
  // Outside the transaction: a slow provider never holds a database connection.
  const keys = await resolveJwksUri(input.issuer, input.jwksUri);
  const { created, apiIds } = await db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    await checkMappings(tx, realm.id, input.roleMappings);
    const broker = brokerColumns(input);
    checkBrokerSettings({ signInEnabled: input.signInEnabled, brokerClientId: input.clientId ?? null, brokerClientSecretCiphertext: broker.brokerClientSecretCiphertext ?? null });
    const row = await tx.realmIdentityProvider.create({
      data: { realmId: realm.id, alias: input.alias, issuer: input.issuer, ...keys, audience: input.audience ?? null, roleMappings: input.roleMappings, ...broker },
    });
    const after = toIdentityProviderResource(row, realm.name);
    await recordAuditEvent(tx, actor, { action: "realm.identity_provider_created", entityType: "realm_identity_provider", entityId: row.id, after: { realm: realm.name, ...after } });
    return { created: after, apiIds: await boundApiIds(tx, realm.name) };
  });
  await republish(realmName, apiIds, `${created.alias} added`);
  return created;
}

/** Ordered by alias, in pages. */
export async function listIdentityProviders(realmName: string, query: PageQuery) {
  const realm = await getRealmOrThrow(realmName);
  const page = cursorPage<object, object, "alias">(query, [{ field: "alias", direction: "asc" }]);
  const rows = await db().realmIdentityProvider.findMany({
    where: { AND: [{ realmId: realm.id }, page.where] },
    orderBy: page.orderBy,
    take: page.take,
  });
  return page.answer(rows, (row) => toIdentityProviderResource(row, realm.name));
}

export async function getIdentityProvider(realmName: string, alias: string) {
  const realm = await getRealmOrThrow(realmName);
  return toIdentityProviderResource(await findProvider(db(), realm.id, alias), realm.name);
}

export async function updateIdentityProvider(realmName: string, alias: string, input: UpdateIdentityProviderInput, actor: Actor) {
  const realm = await getRealmOrThrow(realmName);
  const current = await findProvider(db(), realm.id, alias);
  const issuer = input.issuer ?? current.issuer;
  checkIssuer(realmName, issuer);
  // A new issuer or `jwksUri: null` asks discovery again; an explicit URI replaces whatever was there.
  const rediscover = input.jwksUri === null || (input.issuer !== undefined && input.issuer !== current.issuer && input.jwksUri === undefined && current.discovered);
  const keys = input.jwksUri ? { jwksUri: input.jwksUri, discovered: false } : rediscover ? await resolveJwksUri(issuer, undefined) : {};
  const { after, apiIds } = await db().$transaction(async (tx) => {
    const before = await findProvider(tx, realm.id, alias);
    if (input.roleMappings) await checkMappings(tx, realm.id, input.roleMappings);
    const broker = brokerColumns(input);
    checkBrokerSettings({ ...before, ...Object.fromEntries(Object.entries(broker).filter(([, v]) => v !== undefined)) });
    const row = await tx.realmIdentityProvider.update({
      where: { id: before.id },
      data: { issuer, ...keys, audience: input.audience, roleMappings: input.roleMappings, ...broker },
    });
    const after = toIdentityProviderResource(row, realm.name);
    await recordAuditEvent(tx, actor, {
      action: "realm.identity_provider_updated",
      entityType: "realm_identity_provider",
      entityId: row.id,
      before: toIdentityProviderResource(before, realm.name),
      // The secret itself is never recorded; that it changed is.
      after: input.clientSecret === undefined ? after : { ...after, clientSecretChanged: true },
    });
    return { after, apiIds: await boundApiIds(tx, realm.name) };
  });
  await republish(realmName, apiIds, `${alias} changed`);
  return after;
}

export async function deleteIdentityProvider(realmName: string, alias: string, actor: Actor) {
  const { before, apiIds } = await db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const row = await findProvider(tx, realm.id, alias);
    await tx.realmIdentityProvider.delete({ where: { id: row.id } });
    const before = toIdentityProviderResource(row, realm.name);
    await recordAuditEvent(tx, actor, { action: "realm.identity_provider_deleted", entityType: "realm_identity_provider", entityId: row.id, before: { realm: realm.name, ...before } });
    return { before, apiIds: await boundApiIds(tx, realm.name) };
  });
  // Its tokens stop passing once the gateways have the new config.
  await republish(realmName, apiIds, `${alias} removed`);
  return before;
}

/** Fetches discovery and the JWKS now and says what they hold; changes nothing. */
export async function testIdentityProvider(realmName: string, alias: string) {
  const provider = await getIdentityProvider(realmName, alias);
  return testProviderConnection(provider);
}
