// Reads the catalogue and turns it into the gateway's configuration snapshot.
import type { Prisma } from "@/generated/prisma/client";
import { gatewayConfigSnapshotSchema, type GatewayConfigSnapshot } from "./contract";

type Tx = Prisma.TransactionClient;

/** Subscriptions whose keys can still be presented; the gateway tells these apart (401 vs 403). */
const PRESENTABLE_STATES = ["SUBMITTED", "ACTIVE", "SUSPENDED", "EXPIRED"] as const;

export async function buildGatewaySnapshot(tx: Tx, version: number, generatedAt: Date): Promise<GatewayConfigSnapshot> {
  const [apis, products, subscriptions] = await Promise.all([
    // Drafts are not callable yet: they stay off the gateway until published.
    tx.api.findMany({ where: { lifecycle: { not: "DRAFT" } }, orderBy: { path: "asc" } }),
    tx.product.findMany({ include: { apis: { select: { apiId: true } } }, orderBy: { name: "asc" } }),
    tx.subscription.findMany({ where: { state: { in: [...PRESENTABLE_STATES] } }, orderBy: { createdAt: "asc" } }),
  ]);

  return gatewayConfigSnapshotSchema.parse({
    version,
    generatedAt: generatedAt.toISOString(),
    apis: apis.map((api) => ({
      id: api.id,
      name: api.name,
      path: api.path,
      lifecycle: api.lifecycle.toLowerCase(),
      backends: api.backendUrls.map((url) => ({ url, weight: 1 })),
      subscription: {
        required: api.subscriptionRequired,
        header: api.subscriptionKeyHeader,
        query: api.subscriptionKeyQuery,
      },
    })),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      apiIds: p.apis.map((a) => a.apiId),
      rateLimit: p.rateLimitCalls && p.rateLimitPeriodSeconds ? { calls: p.rateLimitCalls, periodSeconds: p.rateLimitPeriodSeconds } : null,
      quota: p.quotaPeriod
        ? {
            calls: p.quotaCalls,
            bandwidthBytes: p.quotaBandwidthBytes === null ? null : Number(p.quotaBandwidthBytes),
            period: p.quotaPeriod.toLowerCase(),
          }
        : null,
    })),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      state: s.state.toLowerCase(),
      productId: s.productId,
      apiId: s.apiId,
      keyHashes: [s.primaryKeyHash, s.secondaryKeyHash],
      expiresAt: s.expiresAt?.toISOString() ?? null,
    })),
  });
}
