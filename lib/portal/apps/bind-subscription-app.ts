// Binds one of the caller's subscriptions to one of their apps, or unbinds it. Where the API also
// validates a JWT, the gateway then takes the subscription's key only with a token issued to the
// bound client (azp or client_id), else 403 client_not_bound. Both must be the caller's own:
// anyone else's subscription or app answers 404.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { getMyAppOrThrow } from "./get-my-app-or-throw";
import { getPortalRealmOrThrow, ownUserIdOf } from "./portal-realm";
import type { SubscriptionAppBinding } from "./portal-app-schemas";

const ENDED_STATES = new Set(["CANCELLED", "REJECTED"]);

async function getMySubscriptionOrThrow(tx: Pick<DbTransaction, "subscription">, ownerId: string, subscriptionId: string) {
  const subscription = await tx.subscription.findFirst({
    where: { id: subscriptionId, userId: ownerId },
    select: { id: true, name: true, state: true, boundClientId: true, boundClient: { select: { clientId: true } } },
  });
  if (!subscription) throw notFound("Subscription", subscriptionId);
  return subscription;
}

async function publish(subscriptionId: string, what: string) {
  await publishGatewayChange(`subscription ${subscriptionId} ${what}`, [{ kind: "subscription", id: subscriptionId }]);
}

export async function bindSubscriptionApp(subscriptionId: string, appId: string, actor: Actor): Promise<SubscriptionAppBinding> {
  const ownerId = ownUserIdOf(actor);
  const binding = await db().$transaction(async (tx) => {
    const subscription = await getMySubscriptionOrThrow(tx, ownerId, subscriptionId);
    const realm = await getPortalRealmOrThrow(tx);
    const app = await getMyAppOrThrow(tx, ownerId, realm.id, appId);
    if (ENDED_STATES.has(subscription.state)) throw new ApiError("conflict", `The subscription is ${subscription.state.toLowerCase()}: its keys work nowhere`);
    await tx.subscription.update({ where: { id: subscription.id }, data: { boundClientId: app.id } });
    const after = { subscriptionId: subscription.id, appId: app.id, clientId: app.clientId };
    await recordAuditEvent(tx, actor, {
      action: "subscription.app_bound",
      entityType: "subscription",
      entityId: subscription.id,
      before: { clientId: subscription.boundClient?.clientId ?? null },
      after,
    });
    return after;
  });
  await publish(subscriptionId, `bound to app ${binding.clientId}`);
  return binding;
}

export async function unbindSubscriptionApp(subscriptionId: string, actor: Actor): Promise<SubscriptionAppBinding> {
  const ownerId = ownUserIdOf(actor);
  const changed = await db().$transaction(async (tx) => {
    const subscription = await getMySubscriptionOrThrow(tx, ownerId, subscriptionId);
    if (subscription.boundClientId === null) return false;
    await tx.subscription.update({ where: { id: subscription.id }, data: { boundClientId: null } });
    await recordAuditEvent(tx, actor, {
      action: "subscription.app_unbound",
      entityType: "subscription",
      entityId: subscription.id,
      before: { clientId: subscription.boundClient?.clientId ?? null },
      after: { clientId: null },
    });
    return true;
  });
  if (changed) await publish(subscriptionId, "unbound from its app");
  return { subscriptionId, appId: null, clientId: null };
}
