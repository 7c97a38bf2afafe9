// One subscription with what its page shows: the APIs it opens and the terms text accepted.
// Visibility is getOwnedSubscriptionOrThrow's: a developer asking for another's id gets 404.
import type { Actor } from "@/lib/iam/actor";
import { gatewayPathOf } from "@/lib/apis/version-sets/gateway-path";
import { db } from "@/lib/db";
import { getOwnedSubscriptionOrThrow } from "./get-owned-subscription-or-throw";
import { toSubscriptionResource, type SubscriptionDetail } from "./subscription-schemas";

const apiSelect = { id: true, name: true, path: true, versionName: true, versionSet: { select: { scheme: true } } } as const;

async function grantedApis(subscription: { productId: string | null; apiId: string | null }) {
  if (subscription.productId) {
    const links = await db().productApi.findMany({
      where: { productId: subscription.productId },
      select: { api: { select: apiSelect } },
      orderBy: { api: { name: "asc" } },
    });
    return links.map((l) => l.api);
  }
  return subscription.apiId ? await db().api.findMany({ where: { id: subscription.apiId }, select: apiSelect }) : [];
}

// GET /api/v1/subscriptions/{id}
export async function getSubscriptionDetail(id: string, actor: Actor): Promise<SubscriptionDetail> {
  const subscription = await getOwnedSubscriptionOrThrow(id, actor);
  const apis = await grantedApis(subscription);
  return {
    ...toSubscriptionResource(subscription),
    apis: apis.map((api) => ({ id: api.id, name: api.name, gatewayPath: gatewayPathOf(api, api.versionSet?.scheme) })),
    acceptedTerms: subscription.termsText,
  };
}
