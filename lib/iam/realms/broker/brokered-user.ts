// Who a sign-in through an identity provider is in the realm. A known (provider, sub) is its
// linked user. A new one follows the provider's first-login policy:
//  - link_by_email: the one realm user with that email, only when the provider says
//    email_verified (otherwise anyone who can set an email there would take the account);
//  - create: a new realm user, refused when a realm user already has that verified email (it
//    must be linked, not shadowed); an unverified email is not stored, so it can never be the
//    key of a later link by email.
// Roles the mappings grant are added at every sign-in (never removed: an admin may have given
// them too). Disabled users are refused. Each link, creation and grant is audited.
import { Prisma, type RealmIdentityProvider } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type DbTransaction } from "@/lib/db";
import { realmUserActor } from "@/lib/iam/mfa/mfa-actors";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";
import type { RoleMapping } from "../realm-identity-provider-schemas";
import { mappedRoles } from "./mapped-roles";

export type BrokerClaims = Record<string, unknown> & { sub: string };
type User = { id: string; username: string; enabled: boolean };
export type BrokeredUser = { user: User } | { refused: { title: string; message: string; status: number } };

const refused = (title: string, message: string, status = 403): BrokeredUser => ({ refused: { title, message, status } });

/** A username from the provider's preferred_username (or its subject), in the realm's username alphabet. */
function usernameBase(provider: RealmIdentityProvider, claims: BrokerClaims): string {
  const clean = (raw: string) => raw.toLowerCase().replace(/[^a-z0-9._@+-]+/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 180);
  const preferred = typeof claims.preferred_username === "string" ? clean(claims.preferred_username) : "";
  return preferred || clean(`${provider.alias}-${claims.sub}`) || `${provider.alias}-user`;
}

async function freeUsername(tx: DbTransaction, realmId: string, base: string): Promise<string> {
  for (let n = 1; n <= 5; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.realmUser.findUnique({ where: { realmId_username: { realmId, username: candidate } }, select: { id: true } }))) return candidate;
  }
  return `${base}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Adds the mapped roles the user lacks; answers the ones added. */
async function grantMappedRoles(tx: DbTransaction, realm: ProtocolRealm, userId: string, roles: string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const held = await tx.role.findMany({ where: { realmId: realm.id, name: { in: roles }, users: { some: { id: userId } } }, select: { name: true } });
  const missing = await tx.role.findMany({ where: { realmId: realm.id, name: { in: roles.filter((r) => !held.some((h) => h.name === r)) } }, select: { id: true, name: true } });
  if (missing.length > 0) await tx.realmUser.update({ where: { id: userId }, data: { roles: { connect: missing.map((r) => ({ id: r.id })) } } });
  return missing.map((r) => r.name);
}

async function resolve(tx: DbTransaction, realm: ProtocolRealm, provider: RealmIdentityProvider, claims: BrokerClaims): Promise<BrokeredUser> {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  const verified = email !== null && claims.email_verified === true;
  const roles = mappedRoles(claims, provider.roleMappings as RoleMapping[]);
  const audit = async (user: { id: string; username: string }, action: string, after: Record<string, unknown>) =>
    recordAuditEvent(tx, realmUserActor(realm.name, user), { action, entityType: "realm_user", entityId: user.id, after: { realm: realm.name, username: user.username, provider: provider.alias, ...after } });
  const link = await tx.realmUserIdentityLink.findUnique({ where: { providerId_subject: { providerId: provider.id, subject: claims.sub } }, include: { user: true } });
  if (link) {
    if (!link.user.enabled) return refused("Account disabled", "Your account in this realm is disabled.");
    await tx.realmUserIdentityLink.update({ where: { id: link.id }, data: { lastSignInAt: new Date(), email } });
    const granted = await grantMappedRoles(tx, realm, link.user.id, roles);
    if (granted.length > 0) await audit(link.user, "realm_user.broker_roles_granted", { roles: granted });
    return { user: link.user };
  }

  const byEmail = verified ? await tx.realmUser.findMany({ where: { realmId: realm.id, email: { equals: email, mode: "insensitive" } }, take: 2 }) : [];
  let user: User;
  if (provider.brokerFirstLogin === "LINK_BY_EMAIL") {
    if (!email) return refused("No email", "The identity provider did not share your email address, so no account can be found for you.");
    if (!verified) return refused("Email not verified", "The identity provider has not verified your email address, so it cannot be linked to an account.");
    if (byEmail.length !== 1) {
      return byEmail.length === 0
        ? refused("No account", "This realm has no account with your email address. Ask an administrator to create one.")
        : refused("Ambiguous account", "More than one account in this realm has your email address. Ask an administrator to link yours.");
    }
    user = byEmail[0]!;
    if (!user.enabled) return refused("Account disabled", "Your account in this realm is disabled.");
    if (await tx.realmUserIdentityLink.findUnique({ where: { realmUserId_providerId: { realmUserId: user.id, providerId: provider.id } } })) {
      return refused("Already linked", "Your account is already linked to another identity at this provider.", 409);
    }
  } else {
    if (byEmail.length > 0) {
      return refused("Account exists", "An account with your email address already exists in this realm. Ask an administrator to link it.", 409);
    }
    const username = await freeUsername(tx, realm.id, usernameBase(provider, claims));
    user = await tx.realmUser.create({ data: { realmId: realm.id, username, email: verified ? email : null } });
    await audit(user, "realm.user_created", { email: verified ? email : null, via: "identity provider" });
  }
  await tx.realmUserIdentityLink.create({ data: { realmUserId: user.id, providerId: provider.id, subject: claims.sub, email } });
  const granted = await grantMappedRoles(tx, realm, user.id, roles);
  await audit(user, "realm_user.identity_linked", { subject: claims.sub, email, roles: granted });
  return { user };
}

export async function brokeredUser(realm: ProtocolRealm, provider: RealmIdentityProvider, claims: BrokerClaims): Promise<BrokeredUser> {
  const attempt = () => db().$transaction((tx) => resolve(tx, realm, provider, claims));
  try {
    return await attempt();
  } catch (err) {
    // Two first sign-ins of one subject at once: one link wins, the other finds it on a second try.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return attempt();
    throw err;
  }
}
