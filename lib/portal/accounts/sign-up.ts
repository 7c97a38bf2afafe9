// A visitor creates a developer account in the portal, as the workspace's sign-up mode allows:
// open (signs in at once), approval (waits for a platform admin) or invitation (only with an
// unused, unexpired invitation for the same email). Audited as the new user themself.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { hashPassword } from "@/lib/iam/password";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { toUserResource } from "@/lib/iam/users/user-schemas";
import { invitationTokenHash } from "./invitation-token";
import type { SignUpInput, SignUpResult } from "./portal-account-schemas";
import { countSignUpAttempt } from "./sign-up-throttle";

const invitationProblem = (message: string) =>
  new ApiError("validation_failed", `invitation: ${message}`, { issues: [{ path: "invitation", message }] });

export const selfActor = (user: { id: string; email: string }): Actor => ({ type: "user", id: user.id, label: user.email, role: "developer", userId: user.id });

export async function signUp(input: SignUpInput, clientAddress: string): Promise<SignUpResult> {
  await countSignUpAttempt(input.email, clientAddress);
  const { portal } = await getWorkspaceSettings();
  if (portal.signUpMode === "invitation" && !input.invitation) throw invitationProblem("sign-up is by invitation only: open the link from your invitation");
  const passwordHash = await hashPassword(input.password);

  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ApiError("conflict", "An account with this email already exists: sign in instead", { issues: [{ path: "email", message: "An account with this email already exists: sign in instead" }] });
    }
    let invitationId: string | null = null;
    if (portal.signUpMode === "invitation") {
      const invitation = await tx.portalInvitation.findUnique({ where: { tokenHash: invitationTokenHash(input.invitation!) } });
      if (!invitation || invitation.email !== input.email) throw invitationProblem("this invitation is not for this email");
      if (invitation.usedAt) throw invitationProblem("this invitation was already used");
      if (invitation.expiresAt <= new Date()) throw invitationProblem("this invitation has expired: ask for a new one");
      // Conditional, so two sign-ups racing with one link cannot both use it.
      const { count } = await tx.portalInvitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: new Date() } });
      if (count === 0) throw invitationProblem("this invitation was already used");
      invitationId = invitation.id;
    }
    const awaitingApproval = portal.signUpMode === "approval";
    const created = await tx.user.create({ data: { email: input.email, name: input.name, role: "DEVELOPER", passwordHash, awaitingApproval } });
    await recordAuditEvent(tx, selfActor(created), {
      action: "user.signed_up",
      entityType: "user",
      entityId: created.id,
      after: { ...toUserResource(created), signUpMode: portal.signUpMode, invitationId },
    });
    return { status: awaitingApproval ? "awaiting_approval" : "active", email: created.email };
  });
}
