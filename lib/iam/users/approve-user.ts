// A platform admin approves a developer who signed up while the portal's sign-up needs approval;
// from then on they sign in like anyone else.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { assertPlatformAdmin } from "@/lib/iam/ownership";
import { toUserResource, type UserResource } from "./user-schemas";

export async function approveUser(id: string, actor: Actor): Promise<UserResource> {
  assertPlatformAdmin(actor);
  return db().$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id } });
    if (!found) throw notFound("User", id);
    if (!found.awaitingApproval) throw new ApiError("conflict", "This account is not waiting for approval");
    const updated = await tx.user.update({ where: { id }, data: { awaitingApproval: false } });
    const after = toUserResource(updated);
    await recordAuditEvent(tx, actor, { action: "user.approved", entityType: "user", entityId: id, before: toUserResource(found), after });
    return after;
  });
}
