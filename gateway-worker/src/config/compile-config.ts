// Turns a validated snapshot into the structure requests are served from:
// everything a request needs is a Map lookup away, and nothing is parsed or
// validated per request. Built once per published version, then swapped in whole.
import { pino } from "pino";
import type { GatewayApi, GatewayConfigSnapshot, GatewayProduct, GatewaySubscription } from "../contract/config-snapshot.js";
import type { BackendPool } from "../backends/backend-pool.js";
import { BackendRegistry } from "../backends/backend-registry.js";
import type { Pipeline, PreparedPipeline } from "../pipeline/pipeline.js";
import { RouteTable } from "../routing/route-table.js";
import { VersionSelector } from "../routing/version-selector.js";

export { compileBackend, type CompiledBackend } from "../backends/compiled-backend.js";

const silentLogger = pino({ level: "silent" });

export interface CompiledRoute {
  readonly path: string;
  readonly api: GatewayApi;
  readonly backends: BackendPool;
  readonly pipeline: PreparedPipeline;
}

export interface CompiledSubscription {
  readonly id: string;
  readonly state: GatewaySubscription["state"];
  readonly productId: string | null;
  /** Every API this subscription covers, via its product or its single API. */
  readonly apiIds: ReadonlySet<string>;
  readonly expiresAtMs: number | null;
}

export interface RuntimeConfig {
  readonly version: number;
  readonly generatedAt: string;
  readonly apiCount: number;
  /** APIs that own their path alone. */
  readonly routes: RouteTable<CompiledRoute>;
  /** Paths shared by the versions of a header/query version set, one selector per path. */
  readonly versionedRoutes: RouteTable<VersionSelector<CompiledRoute>>;
  readonly subscriptionsByKeyHash: ReadonlyMap<string, CompiledSubscription>;
  readonly products: ReadonlyMap<string, GatewayProduct>;
  /** Every API's backends, for the registry to start their health checks once this config is swapped in. */
  readonly backendPools: readonly BackendPool[];
  /**
   * Some scope answers 503 rather than counting locally when the limiter's Redis is
   * unreachable; /readyz then reports not ready while it is (see server.ts).
   */
  readonly failsClosedWithoutLimiter: boolean;
}

function compileSubscription(s: GatewaySubscription, products: ReadonlyMap<string, GatewayProduct>): CompiledSubscription {
  const apiIds = new Set<string>();
  // A product id the snapshot does not carry covers nothing (fails closed).
  if (s.productId !== null) for (const id of products.get(s.productId)?.apiIds ?? []) apiIds.add(id);
  if (s.apiId !== null) apiIds.add(s.apiId);
  return Object.freeze({
    id: s.id,
    state: s.state,
    productId: s.productId,
    apiIds,
    expiresAtMs: s.expiresAt === null ? null : Date.parse(s.expiresAt),
  });
}

/** The contract guarantees the APIs sharing a path are one set's versions with one parameter. */
function groupVersionedRoutes(routes: readonly CompiledRoute[]): VersionSelector<CompiledRoute>[] {
  const byPath = new Map<string, CompiledRoute[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  return [...byPath].map(([path, group]) => {
    const versioning = group[0].api.versioning!;
    return new VersionSelector(path, versioning, new Map(group.map((r) => [r.api.versioning!.version, r])));
  });
}

/**
 * `snapshot` must already have passed gatewayConfigSnapshotSchema. Throws if a
 * policy refuses an API's settings; the caller then keeps the previous config.
 */
/**
 * `backends` keeps health state across swaps (the gateway passes its own);
 * without one, a private registry serves this config alone (tests of routing).
 */
export function compileConfig(
  snapshot: GatewayConfigSnapshot,
  pipeline: Pipeline,
  backends: BackendRegistry = new BackendRegistry({ logger: silentLogger, defaultTimeoutMs: 30_000 }),
): RuntimeConfig {
  const products = new Map(snapshot.products.map((p) => [p.id, p]));

  const routes = snapshot.apis.map(
    (api): CompiledRoute =>
      Object.freeze({
        path: api.path,
        api,
        backends: backends.poolFor(api),
        pipeline: pipeline.prepare(api, snapshot),
      }),
  );

  const single = routes.filter((r) => !r.api.versioning);
  const versionedRoutes = groupVersionedRoutes(routes.filter((r) => r.api.versioning));

  const subscriptionsByKeyHash = new Map<string, CompiledSubscription>();
  for (const s of snapshot.subscriptions) {
    const compiled = compileSubscription(s, products);
    for (const hash of s.keyHashes) subscriptionsByKeyHash.set(hash, compiled);
  }

  return Object.freeze({
    version: snapshot.version,
    generatedAt: snapshot.generatedAt,
    apiCount: routes.length,
    routes: new RouteTable(single),
    versionedRoutes: new RouteTable(versionedRoutes),
    subscriptionsByKeyHash,
    products,
    backendPools: routes.map((r) => r.backends),
    failsClosedWithoutLimiter: anyScopeFailsClosed(snapshot),
  });
}

/** Over every scope that can set onLimiterFailure; a "closed" one with no limit makes /readyz strict, which errs safe. */
function anyScopeFailsClosed(snapshot: GatewayConfigSnapshot): boolean {
  const scopes = [
    snapshot.defaults,
    ...snapshot.products.map((p) => p.policy),
    ...snapshot.apis.flatMap((a) => [a.policy, ...(a.operations ?? []).map((o) => o.policy)]),
  ];
  return scopes.some((policy) => policy?.onLimiterFailure === "closed");
}
