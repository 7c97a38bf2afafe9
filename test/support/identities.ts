// Who a test calls a route as: a role and a way in, an admin API token (Authorization: Bearer)
// or a next-auth session cookie, exactly as scripts and the console/portal send them.
// Developers sign in to the portal, so tests should reach them through sessions as well.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { UserRoleName } from "@/lib/iam/roles";
import { roleFromApi, userRoles } from "@/lib/iam/roles";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type WayIn = { bearer: string } | { sessionCookie: string };
/** What callRoute needs: a credential, even one that belongs to no known role (a wrong or revoked token). */
export type Caller = { way: WayIn };
export type Identity = Caller & { role: UserRoleName; userId: string | null; email: string | null };
/** An identity that acts for a user of its own. */
export type UserIdentity = Identity & { userId: string; email: string };

/** ADMIN_API_TOKEN as vitest.config.ts sets it: the default caller of callRoute. */
export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
export const bootstrapAdmin: Identity = { role: "platform_admin", userId: null, email: null, way: { bearer: TEST_ADMIN_TOKEN } };

/** A raw bearer token, for tokens a test made itself (revoked, expired, ownerless, malformed). */
export const withToken = (token: string): Caller => ({ way: { bearer: token } });

/** A next-auth session cookie for an existing user, as the console's sign-in sets it. */
export async function sessionFor(user: { id: string; email: string; name: string }): Promise<WayIn> {
  const jwt = await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: env().NEXTAUTH_SECRET });
  return { sessionCookie: `next-auth.session-token=${jwt}` };
}

/**
 * A fresh user with `role`, and a way in acting as them: an admin API token created by the
 * user (so actor.userId is set like a signed-in user's), or a session. `tag` keeps emails unique.
 */
export async function createIdentity(role: UserRoleName, options: { via?: "token" | "session"; tag?: string } = {}): Promise<UserIdentity> {
  const unique = `${options.tag ?? "caller"}-${role}-${randomBytes(4).toString("hex")}`;
  const user = await db().user.create({
    data: { email: `${unique}@test.local`, name: unique, role: roleFromApi(role), passwordHash: "scrypt$unusable" },
  });
  if (options.via === "session") return { role, userId: user.id, email: user.email, way: await sessionFor(user) };
  const token = `pcl_test_${randomBytes(16).toString("hex")}`;
  await db().adminApiToken.create({
    data: { name: unique, tokenHash: sha256Hex(token), prefix: token.slice(0, 12), role: roleFromApi(role), createdById: user.id },
  });
  return { role, userId: user.id, email: user.email, way: { bearer: token } };
}

export async function createIdentityPerRole(options: { via?: "token" | "session"; tag?: string } = {}): Promise<Record<UserRoleName, UserIdentity>> {
  const entries = await Promise.all(userRoles.map(async (role) => [role, await createIdentity(role, options)] as const));
  return Object.fromEntries(entries) as Record<UserRoleName, UserIdentity>;
}
