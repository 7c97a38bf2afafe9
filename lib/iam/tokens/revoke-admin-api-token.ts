// Revokes a token, which is refused (401) from then on.
// Idempotent: revoking a revoked token changes nothing and records nothing.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { tokenInclude, toAdminApiTokenResource } from "./token-schemas";

export async function revokeAdminApiToken(id: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const current = await tx.adminApiToken.findUnique({ where: { id }, include: tokenInclude });
    if (!current) throw notFound("Token", id);
    if (current.revokedAt) return toAdminApiTokenResource(current);
    const revoked = await tx.adminApiToken.update({ where: { id }, data: { revokedAt: new Date() }, include: tokenInclude });
    const after = toAdminApiTokenResource(revoked);
    await recordAuditEvent(tx, actor, {
      action: "token.revoked",
      entityType: "admin_api_token",
      entityId: id,
      before: toAdminApiTokenResource(current),
      after,
    });
    return after;
  });
}
