// Deletes a product, refusing (409) while developers still hold live
// subscriptions, unless the caller asks to cancel them (?deleteSubscriptions=true).
// Terminal subscriptions go with the product; their history stays in the audit log.
import type { Actor } from "@/lib/iam/actor";
import { assertCanManageProduct } from "@/lib/iam/ownership";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { productChangeRefs } from "@/lib/config-channel/product-change-refs";
import { onGatewaySubscriptionWhere } from "@/lib/config-channel/entities/gateway-subscriptions";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { subscriptionInclude, toSubscriptionResource } from "@/lib/subscriptions/subscription-schemas";
import { liveSubscriptionWhere } from "@/lib/subscriptions/subscription-states";
import { productInclude, toProductResource } from "./product-schemas";

export async function deleteProduct(id: string, options: { deleteSubscriptions: boolean }, actor: Actor) {
  const product = await db().product.findUnique({ where: { id }, include: productInclude });
  if (!product) throw notFound("Product", id);
  assertCanManageProduct(actor, product);

  const live = await db().subscription.findMany({ where: { productId: id, ...liveSubscriptionWhere() }, include: subscriptionInclude });
  if (live.length > 0 && !options.deleteSubscriptions) {
    throw new ApiError(
      "conflict",
      `'${product.name}' has ${live.length} live subscription(s); cancel them first or pass ?deleteSubscriptions=true`,
    );
  }

  // Every subscription of the product goes with it (cascade), those the gateways hold too.
  const leaving = await db().$transaction(async (tx) => {
    const onGateway = await tx.subscription.findMany({ where: { productId: id, ...onGatewaySubscriptionWhere }, select: { id: true } });
    for (const s of live) {
      const { count } = await tx.subscription.updateMany({
        where: { id: s.id, state: s.state },
        data: { state: "CANCELLED", stateComment: `Product '${product.name}' was deleted` },
      });
      if (count === 0) throw new ApiError("conflict", "A subscription changed meanwhile; try again");
      await recordAuditEvent(tx, actor, {
        action: "subscription.cancelled_with_product",
        entityType: "subscription",
        entityId: s.id,
        before: toSubscriptionResource(s),
        after: { ...toSubscriptionResource(s), state: "cancelled" },
      });
    }
    await tx.product.delete({ where: { id } });
    await recordAuditEvent(tx, actor, { action: "product.deleted", entityType: "product", entityId: id, before: toProductResource(product) });
    return onGateway.map((s) => s.id);
  });

  await publishGatewayChange(`product ${id} deleted`, [
    ...leaving.map((subscriptionId) => ({ kind: "subscription" as const, id: subscriptionId })),
    ...productChangeRefs(id, { policy: product.policy, apiIds: product.apis.map((pa) => pa.apiId) }),
  ]);
  return { id, deleted: true as const, cancelledSubscriptions: live.length };
}
