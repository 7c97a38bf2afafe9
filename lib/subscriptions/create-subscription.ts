// POST /api/v1/subscriptions - admins create active subscriptions for anyone;
// developers subscribe themselves (submitted when the product needs approval).
import type { Actor } from "@/lib/auth/actor";
import { canManageCatalog } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { newKeyColumns } from "./subscription-keys";
import { subscriptionInclude, toSubscriptionResource, type CreateSubscriptionInput } from "./subscription-schemas";

export async function createSubscription(input: CreateSubscriptionInput, actor: Actor) {
  const manager = canManageCatalog(actor);
  if (input.userId && !manager) throw new ApiError("forbidden", "Only admins may subscribe on behalf of another user");
  const userId = input.userId ?? actor.userId;

  const product = await db().product.findUnique({ where: { id: input.productId } });
  if (!product || (!manager && product.state !== "PUBLISHED")) throw notFound("Product", input.productId);
  if (userId && !(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw new ApiError("unprocessable", `Unknown user '${userId}'`);
  }
  if (!manager && product.subscriptionsLimit !== null && userId) {
    const held = await db().subscription.count({
      where: { productId: product.id, userId, state: { in: ["SUBMITTED", "ACTIVE", "SUSPENDED"] } },
    });
    if (held >= product.subscriptionsLimit) {
      throw new ApiError("conflict", `You already hold ${held} subscription(s) to '${product.name}', the limit`);
    }
  }

  const { plain, columns } = newKeyColumns();
  const state = manager || !product.approvalRequired ? "ACTIVE" : "SUBMITTED";
  const subscription = await db().$transaction(async (tx) => {
    const created = await tx.subscription.create({
      data: {
        name: input.name,
        productId: product.id,
        userId,
        state,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        ...columns,
      },
      include: subscriptionInclude,
    });
    const resource = toSubscriptionResource(created);
    await recordAuditEvent(tx, actor, { action: "subscription.created", entityType: "subscription", entityId: created.id, after: resource });
    return resource;
  });

  await publishGatewayConfig(`subscription ${subscription.id} created`);
  return { ...subscription, ...plain };
}
