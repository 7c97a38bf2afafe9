// A realm's client scopes: create, list (paged), read, change, delete, and their assignment to
// clients as default or optional scopes. Every change is audited; a scope still assigned to a
// client is not deleted (409 names the clients), so no client loses claims by surprise.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { cursorPage } from "@/lib/http/cursor-page";
import type { Prisma, RealmClientScope, RealmClientScopeKind } from "@/generated/prisma/client";
import { getRealmOrThrow } from "./get-realm-or-throw";
import {
  protocolMapperSchema,
  type ClientScopeResource,
  type CreateClientScopeInput,
  type ListClientScopesQuery,
  type ProtocolMapper,
  type UpdateClientScopeInput,
} from "./realm-client-scope-schemas";

const toKind = (k: "default" | "optional" | null) => (k ? (k.toUpperCase() as RealmClientScopeKind) : null);
const fromKind = (k: RealmClientScopeKind | null) => (k ? (k.toLowerCase() as "default" | "optional") : null);

/** Stored mappers were checked on write; parsing again keeps a hand-edited row from reaching a token. */
export function storedMappers(json: Prisma.JsonValue): ProtocolMapper[] {
  const parsed = protocolMapperSchema.array().safeParse(json);
  return parsed.success ? parsed.data : [];
}

export function toClientScopeResource(s: RealmClientScope): ClientScopeResource {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    protocol: "openid-connect",
    includeInTokenScope: s.includeInTokenScope,
    mappers: storedMappers(s.mappers),
    assignToNewClients: fromKind(s.assignToNewClients),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

async function findScope(tx: Pick<DbTransaction, "realmClientScope">, realmId: string, name: string) {
  const scope = await tx.realmClientScope.findUnique({ where: { realmId_name: { realmId, name } } });
  if (!scope) throw notFound("Client scope", name);
  return scope;
}

export async function createClientScope(realmName: string, input: CreateClientScopeInput, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const created = await tx.realmClientScope.create({
      data: {
        realmId: realm.id,
        name: input.name,
        description: input.description ?? "",
        includeInTokenScope: input.includeInTokenScope,
        mappers: input.mappers,
        assignToNewClients: toKind(input.assignToNewClients),
      },
    });
    const scope = toClientScopeResource(created);
    await recordAuditEvent(tx, actor, { action: "realm.client_scope_created", entityType: "realm_client_scope", entityId: created.id, after: { realm: realm.name, ...scope } });
    return scope;
  });
}

/** By name, in pages (lib/http/cursor-page.ts); `search` matches part of the name. */
export async function listClientScopes(realmName: string, query: ListClientScopesQuery) {
  const realm = await getRealmOrThrow(realmName);
  const page = cursorPage<Prisma.RealmClientScopeWhereInput, Prisma.RealmClientScopeOrderByWithRelationInput>(query, [{ field: "name", direction: "asc" }]);
  const search = query.search ? { name: { contains: query.search, mode: "insensitive" as const } } : {};
  const rows = await db().realmClientScope.findMany({ where: { AND: [{ realmId: realm.id }, search, page.where] }, orderBy: page.orderBy, take: page.take });
  return page.answer(rows, toClientScopeResource);
}

export async function getClientScope(realmName: string, name: string) {
  const realm = await getRealmOrThrow(realmName);
  return toClientScopeResource(await findScope(db(), realm.id, name));
}

export async function updateClientScope(realmName: string, name: string, input: UpdateClientScopeInput, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const before = await findScope(tx, realm.id, name);
    const updated = await tx.realmClientScope.update({
      where: { id: before.id },
      data: {
        description: input.description,
        includeInTokenScope: input.includeInTokenScope,
        mappers: input.mappers,
        assignToNewClients: input.assignToNewClients === undefined ? undefined : toKind(input.assignToNewClients),
      },
    });
    const after = toClientScopeResource(updated);
    await recordAuditEvent(tx, actor, { action: "realm.client_scope_updated", entityType: "realm_client_scope", entityId: before.id, before: toClientScopeResource(before), after });
    return after;
  });
}

export async function deleteClientScope(realmName: string, name: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const scope = await findScope(tx, realm.id, name);
    const users = await tx.realmClientScopeLink.findMany({ where: { scopeId: scope.id }, select: { client: { select: { clientId: true } } }, take: 6 });
    if (users.length > 0) {
      const names = users.slice(0, 5).map((l) => l.client.clientId);
      throw new ApiError("conflict", `Client scope '${name}' is assigned to clients (${names.join(", ")}${users.length > 5 ? ", …" : ""}); unassign it first`);
    }
    await tx.realmClientScope.delete({ where: { id: scope.id } });
    const deleted = toClientScopeResource(scope);
    await recordAuditEvent(tx, actor, { action: "realm.client_scope_deleted", entityType: "realm_client_scope", entityId: scope.id, before: { realm: realm.name, ...deleted } });
    return deleted;
  });
}

type Assignment = { defaultClientScopes?: string[]; optionalClientScopes?: string[] };

/**
 * Sets a client's default and/or optional scopes (each list given replaces that kind). A new
 * client gets, for a kind not given, the realm's scopes marked assignToNewClients that kind.
 */
export async function assignClientScopes(tx: DbTransaction, realmId: string, clientDbId: string, input: Assignment, options: { isNew: boolean }) {
  let { defaultClientScopes: defaults, optionalClientScopes: optionals } = input;
  if (options.isNew && (defaults === undefined || optionals === undefined)) {
    const marked = await tx.realmClientScope.findMany({ where: { realmId, assignToNewClients: { not: null } }, select: { name: true, assignToNewClients: true }, orderBy: { name: "asc" } });
    const named = new Set([...(defaults ?? []), ...(optionals ?? [])]);
    const forNew = (kind: RealmClientScopeKind) => marked.filter((s) => s.assignToNewClients === kind && !named.has(s.name)).map((s) => s.name);
    defaults ??= forNew("DEFAULT");
    optionals ??= forNew("OPTIONAL");
  }
  if (defaults === undefined && optionals === undefined) return;
  const both = (defaults ?? []).filter((n) => optionals?.includes(n));
  if (both.length) throw new ApiError("validation_failed", `A client scope is default or optional, not both: ${both.join(", ")}`);
  const named = [...new Set([...(defaults ?? []), ...(optionals ?? [])])];
  const rows = await tx.realmClientScope.findMany({ where: { realmId, name: { in: named } }, select: { id: true, name: true } });
  const missing = named.filter((n) => !rows.some((r) => r.name === n));
  if (missing.length) throw new ApiError("unprocessable", `Unknown client scopes in this realm: ${missing.join(", ")}`);
  const idOf = (n: string) => rows.find((r) => r.name === n)!.id;
  // A replaced kind goes, and so does any other assignment of a scope now named (it moves kind).
  const replaced = [...(defaults ? ["DEFAULT" as const] : []), ...(optionals ? ["OPTIONAL" as const] : [])];
  await tx.realmClientScopeLink.deleteMany({ where: { clientId: clientDbId, OR: [{ kind: { in: replaced } }, { scopeId: { in: rows.map((r) => r.id) } }] } });
  await tx.realmClientScopeLink.createMany({
    data: [
      ...(defaults ?? []).map((n) => ({ clientId: clientDbId, scopeId: idOf(n), kind: "DEFAULT" as const })),
      ...(optionals ?? []).map((n) => ({ clientId: clientDbId, scopeId: idOf(n), kind: "OPTIONAL" as const })),
    ],
    skipDuplicates: true,
  });
}
