// Deletes one of the caller's apps: the realm client goes (with its roles' grants, scopes and
// certificates), so its secret gets no token any more. Subscriptions bound to it are unbound
// (the foreign key sets null) and republished to the gateways, which then take their keys with
// any client's token again. Its access tokens already issued end when they expire.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { getMyAppOrThrow, toAppResource } from "./get-my-app-or-throw";
import { getPortalRealmOrThrow, ownUserIdOf } from "./portal-realm";

export async function deleteMyApp(appId: string, actor: Actor): Promise<void> {
  const ownerId = ownUserIdOf(actor);
  const unbound = await db().$transaction(async (tx) => {
    const realm = await getPortalRealmOrThrow(tx);
    const app = await getMyAppOrThrow(tx, ownerId, realm.id, appId);
    // Every bound subscription, the owner's or not: each must reach the gateways unbound.
    const bound = await tx.subscription.findMany({ where: { boundClientId: app.id }, select: { id: true } });
    await tx.realmClient.delete({ where: { id: app.id } });
    await recordAuditEvent(tx, actor, { action: "portal.app_deleted", entityType: "realm_client", entityId: app.id, before: toAppResource(app) });
    return bound.map((s) => s.id);
  });
  if (unbound.length > 0) {
    await publishGatewayChange(`app ${appId} deleted: ${unbound.length} subscription(s) unbound`, unbound.map((id) => ({ kind: "subscription" as const, id })));
  }
}
