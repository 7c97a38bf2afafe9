// GET /api/v1/apis/{apiId}/reference - the API page of the developer portal: the reference
// document pointed at the gateway, code samples per operation, the products to subscribe
// through, and which of the caller's own subscriptions open it (for try-it's key picker).
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { toApiResource } from "@/lib/apis/api-schemas";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ApiReference } from "./api-reference-schemas";
import { gatewayAddressOf } from "./gateway-address";
import { codeSamplesFor, sampleRequestFor, SUBSCRIPTION_KEY_PLACEHOLDER } from "./operation-samples";
import { referenceDocument } from "./reference-document";

/** Active, unexpired subscriptions of `userId` whose key the gateway accepts for `apiId`. */
export function subscriptionsOpeningApiWhere(userId: string, apiId: string, now: Date): Prisma.SubscriptionWhereInput {
  return {
    userId,
    state: "ACTIVE",
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    AND: [{ OR: [{ apiId }, { product: { apis: { some: { apiId } } } }, { apiId: null, productId: null }] }],
  };
}

export async function getApiReference(apiId: string, actor: Actor): Promise<ApiReference> {
  const api = await getApiOrThrow(apiId, actor);
  const resource = toApiResource(api, { withOperations: true });
  const current = api.revisions.find((r) => r.isCurrent);
  const address = gatewayAddressOf(env().GATEWAY_PUBLIC_URL, resource);
  const document = referenceDocument(current?.spec, address.serverUrl);
  const key = { header: api.subscriptionKeyHeader, required: api.subscriptionRequired };

  const [subscriptions, products] = await Promise.all([
    // Only ever the caller's own: a token without a user has none.
    actor.userId
      ? db().subscription.findMany({
          where: subscriptionsOpeningApiWhere(actor.userId, api.id, new Date()),
          select: { id: true, name: true, product: { select: { name: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 100,
        })
      : [],
    db().product.findMany({
      where: { state: "PUBLISHED", apis: { some: { apiId: api.id } } },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 100,
    }),
  ]);

  return {
    apiId: api.id,
    name: api.name,
    lifecycle: resource.lifecycle,
    sunsetAt: resource.sunsetAt,
    revision: current ? { number: current.number, version: current.version, title: current.title } : null,
    serverUrl: address.serverUrl,
    version: address.version,
    subscriptionRequired: api.subscriptionRequired,
    tokenRequired: resource.jwtRequirements !== null,
    subscriptionKeyHeader: api.subscriptionKeyHeader,
    subscriptionKeyQuery: api.subscriptionKeyQuery,
    keyPlaceholder: SUBSCRIPTION_KEY_PLACEHOLDER,
    document,
    operations: (current?.operations ?? []).map((operation) => {
      const request = sampleRequestFor(document, operation, address, key);
      return {
        operationId: operation.id,
        documentOperationId: operation.operationId,
        method: operation.method,
        path: operation.path,
        summary: operation.summary,
        url: request.url,
        samples: codeSamplesFor(request),
      };
    }),
    subscriptions: subscriptions.map((s) => ({ id: s.id, name: s.name, productName: s.product?.name ?? null })),
    products,
  };
}
