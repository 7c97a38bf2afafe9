// The developer account a realm sign-in lands in, found or created by the realm user's email.
// An email is trusted only when the realm vouches for it: email_verified true, or (our realms
// send no such claim) a realm user no external identity provider created, whose email an admin set.
// Only developer accounts are linked: a realm must never open a console account.
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type UserRow } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { hashPassword } from "@/lib/iam/password";
import { toUserResource } from "@/lib/iam/users/user-schemas";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import type { RealmIdentity } from "./realm-sign-in";
import { selfActor } from "./sign-up";

async function emailIsTrusted(identity: RealmIdentity): Promise<boolean> {
  if (identity.emailVerified !== undefined) return identity.emailVerified;
  const brokered = await db().realmUserIdentityLink.count({ where: { realmUserId: identity.subject } });
  return brokered === 0;
}

export type RealmAccountOutcome = { user: UserRow } | { refusal: string };

export async function realmDeveloperAccount(identity: RealmIdentity): Promise<RealmAccountOutcome> {
  if (!(await emailIsTrusted(identity))) return { refusal: "Your realm has not verified your email address, so it cannot be used for the portal." };
  const existing = await db().user.findUnique({ where: { email: identity.email } });
  if (existing) {
    if (existing.role !== "DEVELOPER") return { refusal: "This email belongs to a console account: sign in with its password." };
    if (existing.disabled) return { refusal: "This account is disabled." };
    if (existing.awaitingApproval) return { refusal: "Your account is waiting for an administrator's approval; you can sign in once it is approved." };
    return { user: existing };
  }
  const { portal } = await getWorkspaceSettings();
  // No one signs in with this password: the account signs in through the realm (an admin may set one later).
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const created = await db().$transaction(async (tx) => {
    let invitationId: string | null = null;
    if (portal.signUpMode === "invitation") {
      const invitation = await tx.portalInvitation.findFirst({ where: { email: identity.email, usedAt: null, expiresAt: { gt: new Date() } } });
      if (!invitation) throw new ApiError("forbidden", "Sign-up is by invitation only, and this email has no open invitation.");
      await tx.portalInvitation.update({ where: { id: invitation.id }, data: { usedAt: new Date() } });
      invitationId = invitation.id;
    }
    const user = await tx.user.create({
      data: { email: identity.email, name: identity.name.slice(0, 200), role: "DEVELOPER", passwordHash, awaitingApproval: portal.signUpMode === "approval" },
    });
    await recordAuditEvent(tx, selfActor(user), {
      action: "user.signed_up",
      entityType: "user",
      entityId: user.id,
      after: { ...toUserResource(user), signUpMode: portal.signUpMode, invitationId, via: { realm: identity.realm, subject: identity.subject } },
    });
    return user;
  });
  if (created.awaitingApproval) return { refusal: "Your account was created and waits for an administrator's approval; you can sign in once it is approved." };
  return { user: created };
}
