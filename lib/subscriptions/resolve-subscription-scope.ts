// What a new subscription opens: a product, or a single API. Checks who may subscribe to it.
//
// API-scoped subscriptions are an admin tool (as in Azure API Management): a product
// carries the approval rule, the terms, the per-developer limit, the rate limit and the
// quota, and an API may sit in several products with different rules. Letting developers
// subscribe to a bare API would side-step all of them, so developers subscribe to
// published products only; platform admins, and publishers for APIs they manage, may
// create API-scoped subscriptions (e.g. for a partner or an internal client).
import type { Actor } from "@/lib/iam/actor";
import { canManageCatalog } from "@/lib/iam/actor";
import { assertCanManageApi, assertCanManageProduct } from "@/lib/iam/ownership";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import type { Product } from "@/generated/prisma/client";

export type SubscriptionScope =
  | { kind: "product"; productId: string; apiId: null; product: Product }
  | { kind: "api"; productId: null; apiId: string; product: null };

export async function resolveSubscriptionScope(
  target: { productId?: string; apiId?: string },
  actor: Actor,
): Promise<SubscriptionScope> {
  const manager = canManageCatalog(actor);
  if (target.apiId !== undefined) {
    if (!manager) throw new ApiError("forbidden", "Developers subscribe to products; API-scoped subscriptions are created by admins");
    const api = await db().api.findUnique({ where: { id: target.apiId }, select: { id: true, ownerId: true } });
    if (!api) throw notFound("API", target.apiId);
    assertCanManageApi(actor, api);
    return { kind: "api", productId: null, apiId: api.id, product: null };
  }

  const productId = target.productId as string;
  const product = await db().product.findUnique({ where: { id: productId } });
  // Drafts are invisible to developers: 404, like a product that does not exist.
  if (!product || (!manager && product.state !== "PUBLISHED")) throw notFound("Product", productId);
  if (manager) assertCanManageProduct(actor, product);
  return { kind: "product", productId: product.id, apiId: null, product };
}
