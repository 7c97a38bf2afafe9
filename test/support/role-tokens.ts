// One user and one admin API token per role, so tests can call routes as each role.
// The token's createdById is that user, so actor.userId is set like a signed-in user's.
import { randomBytes } from "node:crypto";
import type { UserRoleName } from "@/lib/auth/roles";
import { roleFromApi, userRoles } from "@/lib/auth/roles";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";

export type RoleIdentity = { userId: string; email: string; token: string };

/** Creates a fresh user with `role` and a token acting as them; `tag` keeps emails unique per test. */
export async function createRoleIdentity(role: UserRoleName, tag: string): Promise<RoleIdentity> {
  const unique = `${tag}-${role}-${randomBytes(4).toString("hex")}`;
  const user = await db().user.create({
    data: { email: `${unique}@test.local`, name: unique, role: roleFromApi(role), passwordHash: "scrypt$unusable" },
  });
  const token = `pcl_test_${randomBytes(16).toString("hex")}`;
  await db().adminApiToken.create({
    data: { name: unique, tokenHash: sha256Hex(token), prefix: token.slice(0, 12), role: roleFromApi(role), createdById: user.id },
  });
  return { userId: user.id, email: user.email, token };
}

export async function createIdentityPerRole(tag: string): Promise<Record<UserRoleName, RoleIdentity>> {
  const entries = await Promise.all(userRoles.map(async (role) => [role, await createRoleIdentity(role, tag)] as const));
  return Object.fromEntries(entries) as Record<UserRoleName, RoleIdentity>;
}
