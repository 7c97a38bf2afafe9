// Reads the catalogue and turns it into the gateway's configuration snapshot.
import { gatewayPathOf } from "@/lib/apis/version-sets/gateway-path";
import type { DbTransaction } from "@/lib/db";
import { gatewayConfigSnapshotSchema, type GatewayConfigSnapshot, type GatewayVersioning } from "./contract";
import { productLimits } from "@/lib/products/product-schemas";

type Tx = DbTransaction;

/** Subscriptions whose keys can still be presented; the gateway tells these apart (401 vs 403). */
const PRESENTABLE_STATES = ["SUBMITTED", "ACTIVE", "SUSPENDED", "EXPIRED"] as const;

export async function buildGatewaySnapshot(tx: Tx, version: number, generatedAt: Date): Promise<GatewayConfigSnapshot> {
  const [apis, products, subscriptions] = await Promise.all([
    // Drafts are not callable yet: they stay off the gateway until published.
    tx.api.findMany({
      where: { lifecycle: { not: "DRAFT" } },
      orderBy: [{ path: "asc" }, { versionName: "asc" }],
      include: {
        versionSet: true,
        // The gateway serves the current revision's operations, nothing else below the path.
        revisions: {
          where: { isCurrent: true },
          select: { operations: { select: { method: true, path: true }, orderBy: [{ path: "asc" }, { method: "asc" }] } },
        },
      },
    }),
    tx.product.findMany({ include: { apis: { select: { apiId: true } } }, orderBy: { name: "asc" } }),
    tx.subscription.findMany({
      where: { state: { in: [...PRESENTABLE_STATES] } },
      orderBy: { createdAt: "asc" },
      // The gateways match keys by these hashes: the one reader of them.
      omit: { primaryKeyHash: false, secondaryKeyHash: false },
    }),
  ]);

  return gatewayConfigSnapshotSchema.parse({
    version,
    generatedAt: generatedAt.toISOString(),
    apis: apis.map((api) => ({
      id: api.id,
      name: api.name,
      path: gatewayPathOf(api, api.versionSet?.scheme),
      lifecycle: api.lifecycle.toLowerCase(),
      sunsetAt: api.sunsetAt?.toISOString() ?? null,
      // An API without a current revision has no operation list: the gateway then forwards everything.
      operations: api.revisions[0]?.operations,
      versioning: headerOrQueryVersioning(api),
      backends: api.backendUrls.map((url) => ({ url, weight: 1 })),
      subscription: {
        required: api.subscriptionRequired,
        header: api.subscriptionKeyHeader,
        query: api.subscriptionKeyQuery,
      },
      // Stored already parsed by jwtRequirementsSchema; the contract validates it again (fail closed).
      jwt: api.jwtRequirements ?? null,
      allowEncodedSlashes: api.allowEncodedSlashes,
      allowWebSockets: api.allowWebSockets,
    })),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      apiIds: p.apis.map((a) => a.apiId),
      ...productLimits(p),
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

/** Header/query version sets share a path and let the gateway pick; the path scheme is folded into `path`. */
function headerOrQueryVersioning(api: {
  versionName: string | null;
  versionSet: { id: string; scheme: "PATH" | "HEADER" | "QUERY"; parameterName: string } | null;
}): GatewayVersioning | undefined {
  const set = api.versionSet;
  if (!set || set.scheme === "PATH" || !api.versionName) return undefined;
  return { versionSetId: set.id, scheme: set.scheme === "HEADER" ? "header" : "query", parameterName: set.parameterName, version: api.versionName };
}
