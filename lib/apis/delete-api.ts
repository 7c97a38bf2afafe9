// Deletes an API, as deleting a product does: refused (409) while clients hold live
// subscriptions scoped to it, unless the caller asks to cancel them (?deleteSubscriptions=true).
// The console's own test subscriptions never block it. Products that bundle the API lose it
// (their subscribers keep the product's other APIs); revisions, operation rules and ended
// subscriptions go with it (cascade); the history stays in the audit log. The gateways drop
// its path at once: clients then get 404, not the 410 a retired API answers.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { onGatewaySubscriptionWhere } from "@/lib/config-channel/entities/gateway-subscriptions";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { subscriptionInclude, toSubscriptionResource } from "@/lib/subscriptions/subscription-schemas";
import { liveSubscriptionWhere } from "@/lib/subscriptions/subscription-states";
import { apiResourceInclude, toApiResource } from "./api-schemas";
import type { DeletedApi } from "./delete-api-schemas";
import { findApiToManage, lockApiRow } from "./find-api-to-manage";
import { notConsoleTestSubscription } from "./test-console/console-test-subscription";

export async function deleteApi(id: string, options: { deleteSubscriptions: boolean }, actor: Actor): Promise<DeletedApi> {
  const result = await db().$transaction(async (tx) => {
    await lockApiRow(tx, id);
    await findApiToManage(id, actor, tx);
    const row = await tx.api.findUniqueOrThrow({ where: { id }, include: { ...apiResourceInclude, products: { include: { product: true } } } });

    const live = await tx.subscription.findMany({
      where: { apiId: id, ...liveSubscriptionWhere(), ...notConsoleTestSubscription },
      include: subscriptionInclude,
    });
    if (live.length > 0 && !options.deleteSubscriptions) {
      throw new ApiError("conflict", `'${row.name}' has ${live.length} live subscription(s); cancel them first or pass ?deleteSubscriptions=true`);
    }
    const onGateway = await tx.subscription.findMany({ where: { apiId: id, ...onGatewaySubscriptionWhere }, select: { id: true } });
    for (const s of live) {
      await recordAuditEvent(tx, actor, {
        action: "subscription.cancelled_with_api",
        entityType: "subscription",
        entityId: s.id,
        before: toSubscriptionResource(s),
        after: { ...toSubscriptionResource(s), state: "cancelled" },
      });
    }
    const removedFromProducts = row.products.map(({ product }) => ({ id: product.id, name: product.name }));
    await tx.api.delete({ where: { id } });
    await recordAuditEvent(tx, actor, {
      action: "api.deleted",
      entityType: "api",
      entityId: id,
      before: toApiResource(row),
      after: { removedFromProducts, cancelledSubscriptions: live.length },
    });
    return { removedFromProducts, cancelledSubscriptions: live.length, subscriptionIds: onGateway.map((s) => s.id) };
  });

  // The subscriptions first, so no gateway keeps a key that opens a path it no longer serves.
  await publishGatewayChange(`api ${id} deleted`, [
    ...result.subscriptionIds.map((subscriptionId) => ({ kind: "subscription" as const, id: subscriptionId })),
    ...result.removedFromProducts.map((p) => ({ kind: "product" as const, id: p.id })),
    { kind: "api", id },
  ]);
  return { id, deleted: true, cancelledSubscriptions: result.cancelledSubscriptions, removedFromProducts: result.removedFromProducts };
}
