// Approving, rejecting or suspending a subscription is managing its product (or API):
// platform admins may do it for all, API publishers for what they own.
import type { Actor } from "@/lib/iam/actor";
import { assertCanManageApi, assertCanManageProduct } from "@/lib/iam/ownership";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

export async function assertCanManageSubscription(actor: Actor, s: { productId: string | null; apiId: string | null }) {
  if (actor.role === "platform_admin") return;
  if (actor.role !== "api_publisher") throw new ApiError("forbidden", "Only admins may change a subscription's state");
  if (s.productId) {
    const product = await db().product.findUnique({ where: { id: s.productId }, select: { ownerId: true } });
    if (product) assertCanManageProduct(actor, product);
  }
  if (s.apiId) {
    const api = await db().api.findUnique({ where: { id: s.apiId }, select: { ownerId: true } });
    if (api) assertCanManageApi(actor, api);
  }
}
