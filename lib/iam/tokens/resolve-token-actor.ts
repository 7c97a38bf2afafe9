// The actor behind a stored management API token. A token is refused (401) once it is
// revoked or expired, and also when its creator is disabled or no longer holds a role
// that could grant the token's role: demoting a user demotes their automation too.
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { Actor } from "@/lib/iam/actor";
import { roleToApi } from "@/lib/iam/roles";
import { canGrantRole } from "./token-role-rules";

export async function resolveTokenActor(secret: string): Promise<Actor> {
  const row = await db().adminApiToken.findUnique({
    where: { tokenHash: sha256Hex(secret) },
    include: { createdBy: { select: { email: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt) throw new ApiError("unauthorized", "Invalid or revoked API token");
  if (row.expiresAt && row.expiresAt <= new Date()) throw new ApiError("unauthorized", "This API token has expired");
  const role = roleToApi(row.role);
  if (row.createdBy && (row.createdBy.disabled || !canGrantRole(roleToApi(row.createdBy.role), role))) {
    throw new ApiError("unauthorized", "This API token's creator is disabled or no longer holds its role");
  }
  await db().adminApiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  const label = row.createdBy ? `token ${row.name} (${row.createdBy.email})` : `token ${row.name}`;
  return { type: "token", id: row.id, label, role, userId: row.createdById };
}
