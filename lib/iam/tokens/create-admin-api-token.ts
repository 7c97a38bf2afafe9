// Issues a management API token. The secret is answered once;
// only its SHA-256 is stored, like subscription keys.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/iam/actor";
import { roleFromApi } from "@/lib/iam/roles";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { canGrantRole } from "./token-role-rules";
import { tokenInclude, toAdminApiTokenResource, type CreateAdminApiTokenInput } from "./token-schemas";

/** "pcl_" marks the secret as ours (secret scanners can match it); 32 random bytes follow. */
const TOKEN_MARK = "pcl_";
const PREFIX_LENGTH = TOKEN_MARK.length + 8;

export async function createAdminApiToken(input: CreateAdminApiTokenInput, actor: Actor) {
  const role = input.role ?? actor.role;
  if (!canGrantRole(actor.role, role)) {
    throw new ApiError("forbidden", `A ${actor.role} may not create a token with the role '${role}'`);
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= new Date()) throw new ApiError("validation_failed", "expiresAt must be in the future");

  const token = `${TOKEN_MARK}${randomBytes(32).toString("base64url")}`;
  const resource = await db().$transaction(async (tx) => {
    const created = await tx.adminApiToken.create({
      data: {
        name: input.name,
        role: roleFromApi(role),
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, PREFIX_LENGTH),
        // The bootstrap token has no user behind it: its tokens belong to nobody.
        createdById: actor.userId,
        expiresAt,
      },
      include: tokenInclude,
    });
    const after = toAdminApiTokenResource(created);
    await recordAuditEvent(tx, actor, { action: "token.created", entityType: "admin_api_token", entityId: created.id, after });
    return after;
  });
  return { ...resource, token };
}
