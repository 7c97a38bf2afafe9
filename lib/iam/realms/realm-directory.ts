// A realm's roles, groups and users. Names in requests are resolved to rows here; an unknown
// name is a 422 that says which, never a silent drop.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { hashPassword } from "@/lib/iam/password";
import type { Prisma } from "@/generated/prisma/client";
import { cursorPage } from "@/lib/http/cursor-page";
import { getRealmOrThrow } from "./get-realm-or-throw";
import { publishRealmRevocation } from "./publish-revocation";
import type {
  ListByNameQuery,
  ListRealmUsersQuery,
  CreateGroupInput,
  CreateRealmUserInput,
  CreateRoleInput,
  RealmUserResource,
  UpdateRealmUserInput,
} from "./realm-directory-schemas";

function unknown(kind: string, names: string[]) {
  return new ApiError("unprocessable", `Unknown ${kind} in this realm: ${names.join(", ")}`);
}

export async function resolveRoleIds(tx: Pick<DbTransaction, "role">, realmId: string, names: string[]) {
  const unique = [...new Set(names)];
  const rows = await tx.role.findMany({ where: { realmId, name: { in: unique } }, select: { id: true, name: true } });
  const missing = unique.filter((n) => !rows.some((r) => r.name === n));
  if (missing.length) throw unknown("roles", missing);
  return rows.map((r) => ({ id: r.id }));
}

async function resolveGroupIds(tx: DbTransaction, realmId: string, names: string[]) {
  const unique = [...new Set(names)];
  const rows = await tx.realmGroup.findMany({ where: { realmId, name: { in: unique } }, select: { id: true, name: true } });
  const missing = unique.filter((n) => !rows.some((r) => r.name === n));
  if (missing.length) throw unknown("groups", missing);
  return rows.map((r) => ({ id: r.id }));
}

async function resolveClientRoleIds(tx: DbTransaction, realmId: string, byClient: Record<string, string[]>) {
  const ids: { id: string }[] = [];
  for (const [clientId, names] of Object.entries(byClient)) {
    const rows = await tx.realmClientRole.findMany({ where: { client: { realmId, clientId }, name: { in: names } }, select: { id: true, name: true } });
    const missing = [...new Set(names)].filter((n) => !rows.some((r) => r.name === n));
    if (missing.length) throw unknown(`client roles of '${clientId}'`, missing);
    ids.push(...rows.map((r) => ({ id: r.id })));
  }
  return ids;
}

const toRole = (r: { id: string; name: string; description: string; createdAt: Date }) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: r.createdAt.toISOString(),
});

export async function createRole(realmName: string, input: CreateRoleInput, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const role = toRole(await tx.role.create({ data: { realmId: realm.id, name: input.name, description: input.description ?? "" } }));
    await recordAuditEvent(tx, actor, { action: "realm.role_created", entityType: "realm_role", entityId: role.id, after: { realm: realm.name, ...role } });
    return role;
  });
}

const nameContains = (search: string | undefined) => (search ? { name: { contains: search, mode: "insensitive" as const } } : {});

/** By name, in pages (lib/http/cursor-page.ts); `search` matches part of the name. */
export async function listRoles(realmName: string, query: ListByNameQuery) {
  const realm = await getRealmOrThrow(realmName);
  const page = cursorPage<Prisma.RoleWhereInput, Prisma.RoleOrderByWithRelationInput>(query, [{ field: "name", direction: "asc" }]);
  const rows = await db().role.findMany({ where: { AND: [{ realmId: realm.id }, nameContains(query.search), page.where] }, orderBy: page.orderBy, take: page.take });
  return page.answer(rows, toRole);
}

const groupInclude = { roles: { select: { name: true }, orderBy: { name: "asc" } } } as const;
const toGroup = (g: { id: string; name: string; createdAt: Date; roles: { name: string }[] }) => ({
  id: g.id,
  name: g.name,
  roles: g.roles.map((r) => r.name),
  createdAt: g.createdAt.toISOString(),
});

export async function createGroup(realmName: string, input: CreateGroupInput, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const roles = await resolveRoleIds(tx, realm.id, input.roles);
    const group = toGroup(await tx.realmGroup.create({ data: { realmId: realm.id, name: input.name, roles: { connect: roles } }, include: groupInclude }));
    await recordAuditEvent(tx, actor, { action: "realm.group_created", entityType: "realm_group", entityId: group.id, after: { realm: realm.name, ...group } });
    return group;
  });
}

/** By name, in pages; `search` matches part of the name. */
export async function listGroups(realmName: string, query: ListByNameQuery) {
  const realm = await getRealmOrThrow(realmName);
  const page = cursorPage<Prisma.RealmGroupWhereInput, Prisma.RealmGroupOrderByWithRelationInput>(query, [{ field: "name", direction: "asc" }]);
  const rows = await db().realmGroup.findMany({
    where: { AND: [{ realmId: realm.id }, nameContains(query.search), page.where] },
    include: groupInclude,
    orderBy: page.orderBy,
    take: page.take,
  });
  return page.answer(rows, toGroup);
}

const userInclude = {
  roles: { select: { name: true }, orderBy: { name: "asc" } },
  groups: { select: { name: true }, orderBy: { name: "asc" } },
  clientRoles: { select: { name: true, client: { select: { clientId: true } } }, orderBy: { name: "asc" } },
} as const;

type UserWithLinks = {
  id: string;
  username: string;
  email: string | null;
  enabled: boolean;
  createdAt: Date;
  roles: { name: string }[];
  groups: { name: string }[];
  clientRoles: { name: string; client: { clientId: string } }[];
};

function toRealmUser(u: UserWithLinks, hasPassword: boolean): RealmUserResource {
  const clientRoles: Record<string, string[]> = {};
  for (const r of u.clientRoles) (clientRoles[r.client.clientId] ??= []).push(r.name);
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    enabled: u.enabled,
    hasPassword,
    roles: u.roles.map((r) => r.name),
    clientRoles,
    groups: u.groups.map((g) => g.name),
    createdAt: u.createdAt.toISOString(),
  };
}

export async function createRealmUser(realmName: string, input: CreateRealmUserInput, actor: Actor) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const created = await tx.realmUser.create({
      data: {
        realmId: realm.id,
        username: input.username,
        email: input.email ?? null,
        passwordHash,
        roles: { connect: await resolveRoleIds(tx, realm.id, input.roles) },
        groups: { connect: await resolveGroupIds(tx, realm.id, input.groups) },
        clientRoles: { connect: await resolveClientRoleIds(tx, realm.id, input.clientRoles) },
      },
      include: userInclude,
    });
    const user = toRealmUser(created, passwordHash !== null);
    await recordAuditEvent(tx, actor, { action: "realm.user_created", entityType: "realm_user", entityId: user.id, after: { realm: realm.name, ...user } });
    return user;
  });
}

/** By username, in pages (lib/http/cursor-page.ts); `search` matches part of the username or email. */
export async function listRealmUsers(realmName: string, query: ListRealmUsersQuery) {
  const realm = await getRealmOrThrow(realmName);
  const page = cursorPage<Prisma.RealmUserWhereInput, Prisma.RealmUserOrderByWithRelationInput>(query, [{ field: "username", direction: "asc" }]);
  const search = query.search
    ? { OR: [{ username: { contains: query.search, mode: "insensitive" as const } }, { email: { contains: query.search, mode: "insensitive" as const } }] }
    : {};
  const rows = await db().realmUser.findMany({
    where: { AND: [{ realmId: realm.id }, search, page.where] },
    include: userInclude,
    omit: { passwordHash: false },
    orderBy: page.orderBy,
    take: page.take,
  });
  return page.answer(rows, ({ passwordHash, ...u }) => toRealmUser(u, passwordHash !== null));
}

export async function updateRealmUser(realmName: string, userId: string, input: UpdateRealmUserInput, actor: Actor) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const { user, enabledChanged, realmId } = await db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const existing = await tx.realmUser.findFirst({ where: { id: userId, realmId: realm.id }, include: userInclude, omit: { passwordHash: false } });
    if (!existing) throw notFound("Realm user", userId);
    const { passwordHash: oldHash, ...beforeRow } = existing;
    const updated = await tx.realmUser.update({
      where: { id: userId },
      data: {
        email: input.email,
        enabled: input.enabled,
        passwordHash,
        roles: input.roles ? { set: await resolveRoleIds(tx, realm.id, input.roles) } : undefined,
        groups: input.groups ? { set: await resolveGroupIds(tx, realm.id, input.groups) } : undefined,
      },
      include: userInclude,
    });
    // A disabled user's refresh tokens stop at once; access tokens are short and end on their own.
    if (input.enabled === false) {
      await tx.realmRefreshFamily.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    const user = toRealmUser(updated, (passwordHash ?? oldHash) !== null);
    await recordAuditEvent(tx, actor, {
      action: input.password ? "realm.user_password_reset" : "realm.user_updated",
      entityType: "realm_user",
      entityId: user.id,
      before: toRealmUser(beforeRow, oldHash !== null),
      after: user,
    });
    return { user, enabledChanged: existing.enabled !== updated.enabled, realmId: realm.id };
  });
  // The gateways refuse a disabled user's tokens (and accept them again once re-enabled).
  if (enabledChanged) {
    await publishRealmRevocation(`realm ${realmName} user ${userId} ${user.enabled ? "enabled" : "disabled"}`, realmId, [{ kind: "subject", value: userId }]);
  }
  return user;
}
