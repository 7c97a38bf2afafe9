// A platform admin invites an email to sign up in the portal. The link is answered once; only
// the token's hash is stored, and it works once, before it expires.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { assertPlatformAdmin } from "@/lib/iam/ownership";
import { consoleOrigin } from "@/lib/iam/realms/issuer-url";
import { invitationTokenHash, newInvitationToken } from "./invitation-token";
import { createInvitationInputSchema, type CreateInvitationInput, type CreatedInvitation } from "./portal-account-schemas";

const DAY_MS = 24 * 60 * 60_000;

export async function createInvitation(raw: CreateInvitationInput, actor: Actor): Promise<CreatedInvitation> {
  assertPlatformAdmin(actor);
  const input = createInvitationInputSchema.parse(raw);
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ApiError("conflict", `An account with the email '${input.email}' already exists`, { issues: [{ path: "email", message: "An account with this email already exists" }] });
  }
  const token = newInvitationToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  return db().$transaction(async (tx) => {
    const created = await tx.portalInvitation.create({
      data: { email: input.email, tokenHash: invitationTokenHash(token), invitedById: actor.userId, expiresAt },
      select: { id: true, email: true, expiresAt: true },
    });
    const after = { id: created.id, email: created.email, expiresAt: created.expiresAt.toISOString() };
    // The token never reaches the audit log.
    await recordAuditEvent(tx, actor, { action: "portal.invitation_created", entityType: "portal_invitation", entityId: created.id, after });
    const url = new URL("/signup", consoleOrigin());
    url.searchParams.set("invitation", token);
    url.searchParams.set("email", created.email);
    return { ...after, signUpUrl: url.toString() };
  });
}
