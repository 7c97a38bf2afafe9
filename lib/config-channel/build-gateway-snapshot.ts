// Reads the catalogue and turns it into the gateway's configuration snapshot.
import { gatewayPathOf } from "@/lib/apis/version-sets/gateway-path";
import type { DbTransaction } from "@/lib/db";
import { gatewayConfigSnapshotSchema, type GatewayConfigSnapshot, type GatewayVersioning } from "./contract";
import { productLimits } from "@/lib/products/product-schemas";
import { apiTlsForSnapshot } from "@/lib/apis/api-tls-schemas";
import { backendsForSnapshot } from "./backends-for-snapshot";
import { gatewayTlsForSnapshot } from "@/lib/gateway-tls/gateway-tls-for-snapshot";
import { specsForValidation, withValidation } from "@/lib/gateway-policy/validation-for-snapshot";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { gatewayJwtOf } from "@/lib/iam/realms/realm-jwt-for-gateway";

type Tx = DbTransaction;

/** Subscriptions whose keys can still be presented; the gateway tells these apart (401 vs 403). */
const PRESENTABLE_STATES = ["SUBMITTED", "ACTIVE", "SUSPENDED", "EXPIRED"] as const;

export async function buildGatewaySnapshot(tx: Tx, version: number, generatedAt: Date): Promise<GatewayConfigSnapshot> {
  const [apis, products, subscriptions, gatewayTls, settings] = await Promise.all([
    // Drafts are not callable yet: they stay off the gateway until published.
    tx.api.findMany({
      where: { lifecycle: { not: "DRAFT" } },
      orderBy: [{ path: "asc" }, { versionName: "asc" }],
      include: {
        versionSet: true,
        operationPolicies: { select: { method: true, path: true, policy: true } },
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
    gatewayTlsForSnapshot(tx),
    getWorkspaceSettings(tx),
  ]);
  const defaults = settings.gatewayPolicy;
  const validationSpecs = await specsForValidation(tx, apis, products, defaults);

  return gatewayConfigSnapshotSchema.parse({
    version,
    generatedAt: generatedAt.toISOString(),
    gatewayTls,
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
    apis: apis.map((api) => ({
      id: api.id,
      name: api.name,
      path: gatewayPathOf(api, api.versionSet?.scheme),
      lifecycle: api.lifecycle.toLowerCase(),
      sunsetAt: api.sunsetAt?.toISOString() ?? null,
      // An API without a current revision has no operation list: the gateway then forwards everything.
      operations: api.revisions[0]?.operations.map((op) => withValidation(withOperationPolicy(op, api.operationPolicies), validationSpecs.get(api.id))),
      versioning: headerOrQueryVersioning(api),
      // Weights, health checks, retries, breaker, timeouts, TLS (the client key sealed for the gateways).
      ...backendsForSnapshot(api),
      subscription: {
        required: api.subscriptionRequired,
        header: api.subscriptionKeyHeader,
        query: api.subscriptionKeyQuery,
      },
      // Stored already parsed by jwtRequirementsSchema; a realm binding becomes the realm's issuer and
      // JWKS URI here, and the contract validates the result again (fail closed).
      jwt: gatewayJwtOf(api.jwtRequirements),
      allowEncodedSlashes: api.allowEncodedSlashes,
      allowWebSockets: api.allowWebSockets,
      // Stored already parsed by scopePolicySchema; the contract validates it again.
      policy: api.policy ?? undefined,
      tls: apiTlsForSnapshot(api.tlsSettings),
    })),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      apiIds: p.apis.map((a) => a.apiId),
      ...productLimits(p),
      policy: p.policy ?? undefined,
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

/** An operation's own rules, matched by method and path template (they outlive revisions). */
function withOperationPolicy(
  op: { method: string; path: string },
  policies: readonly { method: string; path: string; policy: unknown }[],
) {
  const own = policies.find((p) => p.method === op.method && p.path === op.path);
  return own ? { ...op, policy: own.policy } : op;
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
