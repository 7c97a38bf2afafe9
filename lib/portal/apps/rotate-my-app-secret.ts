// A new secret for one of the caller's apps: the old one stops authenticating at once (tokens
// already issued stay valid until they expire, as for any client). Answered once.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { newSecret } from "@/lib/iam/realms/realm-clients";
import { getMyAppOrThrow } from "./get-my-app-or-throw";
import { getPortalRealmOrThrow, ownUserIdOf } from "./portal-realm";
import type { RotatedAppSecret } from "./portal-app-schemas";

export async function rotateMyAppSecret(appId: string, actor: Actor): Promise<RotatedAppSecret> {
  const ownerId = ownUserIdOf(actor);
  const secret = newSecret();
  return db().$transaction(async (tx) => {
    const realm = await getPortalRealmOrThrow(tx);
    const app = await getMyAppOrThrow(tx, ownerId, realm.id, appId);
    // An admin may have switched it to private_key_jwt in the realm page: it has no secret then.
    if (app.tokenEndpointAuthMethod === "PRIVATE_KEY_JWT") {
      throw new ApiError("conflict", "An admin made this app authenticate with a signed JWT (private_key_jwt): it has no secret to rotate");
    }
    await tx.realmClient.update({ where: { id: app.id }, data: { secretHash: sha256Hex(secret) } });
    await recordAuditEvent(tx, actor, { action: "portal.app_secret_rotated", entityType: "realm_client", entityId: app.id, after: { realm: realm.name, clientId: app.clientId } });
    return { clientId: app.clientId, clientSecret: secret };
  });
}
