// Turns validated config into the structure requests are served from:
// everything a request needs is a Map lookup away, and nothing is parsed or
// validated per request. A snapshot is compiled whole once (cold start, resync);
// a delta (applyDelta) re-prepares only what it affects and shares the rest with
// the previous config, which stays untouched for the requests still using it.
import { pino } from "pino";
import {
  denialId,
  type GatewayApi,
  type GatewayConfigDelta,
  type GatewayConfigSnapshot,
  type GatewayDenial,
  type GatewayProduct,
  type GatewaySubscription,
  type ScopePolicy,
} from "../contract/config-snapshot.js";
import type { GatewayTlsCertificate } from "../contract/api-tls.js";
import type { BackendPool } from "../backends/backend-pool.js";
import { BackendRegistry } from "../backends/backend-registry.js";
import type { Pipeline, PreparedPipeline } from "../pipeline/pipeline.js";
import { RouteTable } from "../routing/route-table.js";
import { VersionSelector } from "../routing/version-selector.js";
import { ShardedMap } from "./sharded-map.js";
import { PackedKeyTable, SubscriptionKeyIndex } from "./subscription-key-index.js";

export { compileBackend, type CompiledBackend } from "../backends/compiled-backend.js";

const silentLogger = pino({ level: "silent" });

export interface CompiledRoute {
  readonly path: string;
  readonly api: GatewayApi;
  readonly backends: BackendPool;
  readonly pipeline: PreparedPipeline;
}

/**
 * One subscription as requests see it. It names its product rather than copying
 * the product's APIs, so a product change touches no subscription: which APIs it
 * covers is asked of the config serving the request (RuntimeConfig.covers).
 */
export interface CompiledSubscription {
  readonly id: string;
  readonly state: GatewaySubscription["state"];
  readonly productId: string | null;
  readonly apiId: string | null;
  readonly expiresAtMs: number | null;
  /** Only on bound subscriptions (few), so the others carry no extra field. */
  readonly boundClientId?: string;
}

/** sha256 hex of a key -> its subscription (config/subscription-key-index.ts). */
export interface KeyIndex {
  get(keyHash: string): CompiledSubscription | undefined;
}

export type DenialKind = GatewayDenial["kind"];

export interface RuntimeConfig {
  readonly version: number;
  readonly generatedAt: string;
  readonly apiCount: number;
  readonly subscriptionCount: number;
  /** APIs that own their path alone. */
  readonly routes: RouteTable<CompiledRoute>;
  /** Paths shared by the versions of a header/query version set, one selector per path. */
  readonly versionedRoutes: RouteTable<VersionSelector<CompiledRoute>>;
  readonly subscriptionsByKeyHash: KeyIndex;
  readonly products: ReadonlyMap<string, GatewayProduct>;
  /** Whether `subscription` may call `apiId`: its own API, or one its product bundles in this config. */
  covers(subscription: CompiledSubscription, apiId: string): boolean;
  /**
   * Whether this config refuses a token although it verifies: `kind` "token" with its jti,
   * "client" with its client_id/azp, "subject" with its sub, each of `issuer`. A denial
   * whose expiresAt has passed (at `nowMs`) no longer counts.
   */
  isDenied(kind: DenialKind, issuer: string, value: string, nowMs: number): boolean;
  /** The HTTPS listener's certificate from the console (undefined/null: the gateway's own files). */
  readonly gatewayTls: GatewayTlsCertificate | null | undefined;
  /** Every API's backends, for the registry to start their health checks once this config is swapped in. */
  readonly backendPools: readonly BackendPool[];
  /**
   * Some scope answers 503 rather than counting locally when the limiter's Redis is
   * unreachable; /readyz then reports not ready while it is (see server.ts).
   */
  readonly failsClosedWithoutLimiter: boolean;
  /** The developer portal's origin (the defaults' portalOrigin): CORS always lets its try-it in. */
  readonly portalOrigin: string | undefined;
}

/** What compiling needs beside the config: the policies, and the registry that keeps backend health across swaps. */
export interface ConfigCompiler {
  readonly pipeline: Pipeline;
  readonly backends: BackendRegistry;
}

/** A delta that cannot apply on the config it follows: the caller keeps the old config and resyncs. */
export class DeltaRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeltaRefusedError";
  }
}

interface ApiEntry {
  readonly route: CompiledRoute;
  /** The API or one of its operations fails closed without the limiter. */
  readonly failsClosed: boolean;
}

export function compileSubscription(s: GatewaySubscription): CompiledSubscription {
  return Object.freeze({
    id: s.id,
    state: s.state,
    productId: s.productId,
    apiId: s.apiId,
    expiresAtMs: s.expiresAt === null ? null : Date.parse(s.expiresAt),
    ...(s.boundClientId === undefined ? {} : { boundClientId: s.boundClientId }),
  });
}

export function denialExpiry(d: GatewayDenial): number | null {
  return d.expiresAt === null ? null : Date.parse(d.expiresAt);
}

/** The two subscription indexes, built once per snapshot (see parse-snapshot.ts for the checks). */
export interface SubscriptionIndexes {
  readonly byId: ShardedMap<CompiledSubscription>;
  readonly byKeyHash: PackedKeyTable<CompiledSubscription>;
}

interface ConfigParts {
  version: number;
  generatedAt: string;
  defaults: ScopePolicy | undefined;
  gatewayTls: GatewayTlsCertificate | null | undefined;
  apiEntries: ReadonlyMap<string, ApiEntry>;
  products: ReadonlyMap<string, GatewayProduct>;
  productApis: ReadonlyMap<string, ReadonlySet<string>>;
  subscriptionsById: ShardedMap<CompiledSubscription>;
  subscriptionsByKeyHash: SubscriptionKeyIndex<CompiledSubscription>;
  denials: ShardedMap<number | null>;
  routes: RouteTable<CompiledRoute>;
  versionedRoutes: RouteTable<VersionSelector<CompiledRoute>>;
  backendPools: readonly BackendPool[];
  failsClosedWithoutLimiter: boolean;
}

/** Immutable once built; applyDelta returns a new one that shares what the delta left alone. */
export class CompiledConfig implements RuntimeConfig {
  readonly version: number;
  readonly generatedAt: string;
  readonly defaults: ScopePolicy | undefined;
  readonly gatewayTls: GatewayTlsCertificate | null | undefined;
  readonly apiEntries: ReadonlyMap<string, ApiEntry>;
  readonly products: ReadonlyMap<string, GatewayProduct>;
  readonly productApis: ReadonlyMap<string, ReadonlySet<string>>;
  readonly subscriptionsById: ShardedMap<CompiledSubscription>;
  readonly subscriptionsByKeyHash: SubscriptionKeyIndex<CompiledSubscription>;
  readonly denials: ShardedMap<number | null>;
  readonly routes: RouteTable<CompiledRoute>;
  readonly versionedRoutes: RouteTable<VersionSelector<CompiledRoute>>;
  readonly backendPools: readonly BackendPool[];
  readonly failsClosedWithoutLimiter: boolean;

  constructor(parts: ConfigParts) {
    this.version = parts.version;
    this.generatedAt = parts.generatedAt;
    this.defaults = parts.defaults;
    this.gatewayTls = parts.gatewayTls;
    this.apiEntries = parts.apiEntries;
    this.products = parts.products;
    this.productApis = parts.productApis;
    this.subscriptionsById = parts.subscriptionsById;
    this.subscriptionsByKeyHash = parts.subscriptionsByKeyHash;
    this.denials = parts.denials;
    this.routes = parts.routes;
    this.versionedRoutes = parts.versionedRoutes;
    this.backendPools = parts.backendPools;
    this.failsClosedWithoutLimiter = parts.failsClosedWithoutLimiter;
    Object.freeze(this);
  }

  get apiCount(): number {
    return this.apiEntries.size;
  }

  get portalOrigin(): string | undefined {
    // The snapshot's defaults are GatewayDefaults (scope policy + portalOrigin); compiling keeps them whole.
    const origin = (this.defaults as { portalOrigin?: unknown } | undefined)?.portalOrigin;
    return typeof origin === "string" ? origin : undefined;
  }

  get subscriptionCount(): number {
    return this.subscriptionsById.size;
  }

  covers(subscription: CompiledSubscription, apiId: string): boolean {
    if (subscription.apiId === apiId) return true;
    // A product id this config does not carry covers nothing (fails closed).
    return subscription.productId !== null && this.productApis.get(subscription.productId)?.has(apiId) === true;
  }

  isDenied(kind: DenialKind, issuer: string, value: string, nowMs: number): boolean {
    const expiresAtMs = this.denials.get(denialId({ kind, issuer, value }));
    return expiresAtMs !== undefined && (expiresAtMs === null || expiresAtMs > nowMs);
  }
}

/** The snapshot minus its subscriptions, which arrive already indexed. */
export type SnapshotShell = Omit<GatewayConfigSnapshot, "subscriptions">;

/**
 * `shell` must already have passed gatewayConfigSnapshotSchema (parse-snapshot.ts).
 * Throws if a policy refuses an API's settings; the caller then keeps the previous config.
 */
export function compileSnapshot(shell: SnapshotShell, subscriptions: SubscriptionIndexes, compiler: ConfigCompiler, nowMs = Date.now()): CompiledConfig {
  const products = new Map(shell.products.map((p) => [p.id, p]));
  const apis = new Map(shell.apis.map((a) => [a.id, a]));
  const byApi = productsByApi(products);
  const apiEntries = new Map<string, ApiEntry>();
  for (const api of apis.values()) apiEntries.set(api.id, compileApi(api, shell.defaults, byApi.get(api.id) ?? [], compiler));
  const denials = ShardedMap.builder<number | null>();
  for (const d of shell.denials ?? []) {
    const expiresAtMs = denialExpiry(d);
    if (expiresAtMs === null || expiresAtMs > nowMs) denials.set(denialId(d), expiresAtMs);
  }
  return assemble({
    version: shell.version,
    generatedAt: shell.generatedAt,
    defaults: shell.defaults,
    gatewayTls: shell.gatewayTls,
    apiEntries,
    products,
    productApis: productApiSets(products),
    subscriptionsById: subscriptions.byId,
    subscriptionsByKeyHash: SubscriptionKeyIndex.of(subscriptions.byKeyHash, subscriptions.byId),
    denials: denials.build(),
  });
}

/**
 * The whole-snapshot compile, for callers holding a parsed snapshot (tests, tools).
 * `backends` keeps health state across swaps (the gateway passes its own);
 * without one, a private registry serves this config alone (tests of routing).
 */
export function compileConfig(
  snapshot: GatewayConfigSnapshot,
  pipeline: Pipeline,
  backends: BackendRegistry = new BackendRegistry({ logger: silentLogger, defaultTimeoutMs: 30_000 }),
): RuntimeConfig {
  const byId = ShardedMap.builder<CompiledSubscription>();
  const byKeyHash = PackedKeyTable.builder<CompiledSubscription>();
  for (const s of snapshot.subscriptions) {
    const compiled = compileSubscription(s);
    byId.set(s.id, compiled);
    for (const hash of s.keyHashes) byKeyHash.claim(hash, compiled);
  }
  return compileSnapshot(snapshot, { byId: byId.build(), byKeyHash: byKeyHash.build() }, { pipeline, backends });
}

/**
 * The config `delta` makes of `base`: the APIs it touches (directly, through a
 * product that bundles or bundled them, or all of them for new defaults) are
 * prepared again; every other route, pipeline and index entry is shared.
 * All or nothing: throws DeltaRefusedError (or a policy's settings error) and
 * leaves `base` as it was. The caller checks that delta.version follows base.
 */
export function applyDelta(base: CompiledConfig, delta: GatewayConfigDelta, compiler: ConfigCompiler): CompiledConfig {
  return applyDeltas(base, [delta], compiler);
}

/**
 * Consecutive deltas (base.version + 1, + 2, ...) as one: their changes in order, each API
 * they touch prepared once (a catch-up of a hundred edits of one large API compiles it once),
 * the config labelled with the last one's version. All or nothing, as applyDelta.
 */
export function applyDeltas(base: CompiledConfig, deltas: readonly GatewayConfigDelta[], compiler: ConfigCompiler): CompiledConfig {
  const last = deltas.at(-1);
  if (!last) return base;
  let apis: Map<string, GatewayApi> | null = null;
  let products: Map<string, GatewayProduct> | null = null;
  let defaults = base.defaults;
  let gatewayTls = base.gatewayTls;
  let allApis = false;
  const touchedApis = new Set<string>();
  const subChanges = new Map<string, CompiledSubscription | undefined>();
  // Keys are only ever set: a key of a subscription that changes or goes stops resolving with it.
  const keyChanges = new Map<string, CompiledSubscription>();
  const denialChanges = new Map<string, number | null | undefined>();
  const apisNow = () => (apis ??= new Map([...base.apiEntries].map(([id, e]) => [id, e.route.api])));
  const productsNow = () => (products ??= new Map(base.products));
  const subscriptionNow = (id: string) => (subChanges.has(id) ? subChanges.get(id) : base.subscriptionsById.get(id));
  const keyOwnerNow = (hash: string) => {
    const owner = keyChanges.get(hash) ?? base.subscriptionsByKeyHash.entry(hash);
    return owner !== undefined && subscriptionNow(owner.id) === owner ? owner : undefined;
  };

  for (const change of deltas.flatMap((d) => d.changes)) {
    switch (change.kind) {
      case "api.upserted":
        apisNow().set(change.api.id, change.api);
        touchedApis.add(change.api.id);
        break;
      case "api.fieldsReplaced": {
        // Not held: the change that brings this API here whole (its publish) is still to come, in
        // a later version, and carries these fields too (it is read after them). Nothing to do now.
        const held = apisNow().get(change.api.id);
        if (!held) break;
        // The operations are not in the change: the ones held stay.
        apisNow().set(change.api.id, held.operations ? { ...change.api, operations: held.operations } : change.api);
        touchedApis.add(change.api.id);
        break;
      }
      case "api.removed":
        apisNow().delete(change.id);
        touchedApis.add(change.id);
        break;
      case "product.upserted": {
        for (const id of apisAffectedBy(productsNow().get(change.product.id), change.product)) touchedApis.add(id);
        productsNow().set(change.product.id, change.product);
        break;
      }
      case "product.removed": {
        for (const id of productsNow().get(change.id)?.apiIds ?? []) touchedApis.add(id);
        productsNow().delete(change.id);
        break;
      }
      case "subscription.upserted": {
        const s = change.subscription;
        const compiled = compileSubscription(s);
        for (const hash of s.keyHashes) {
          const owner = keyOwnerNow(hash);
          if (owner && owner.id !== s.id) throw new DeltaRefusedError(`subscription "${s.id}": key hash shared with subscription "${owner.id}"`);
          keyChanges.set(hash, compiled);
        }
        subChanges.set(s.id, compiled);
        break;
      }
      case "subscription.removed":
        subChanges.set(change.id, undefined);
        break;
      case "defaults.replaced":
        defaults = change.defaults;
        allApis = true;
        break;
      case "gatewayTls.replaced":
        gatewayTls = change.gatewayTls;
        break;
      case "denial.upserted":
        denialChanges.set(denialId(change.denial), denialExpiry(change.denial));
        break;
      case "denial.removed":
        denialChanges.set(denialId(change.denial), undefined);
        break;
    }
  }

  let apiEntries = base.apiEntries;
  const apisChanged = apis !== null || touchedApis.size > 0 || allApis;
  if (apisChanged) {
    const current = apisNow();
    const productMap = productsNow();
    refuseSharedPaths(current.values());
    const byApi = productsByApi(productMap);
    const entries = new Map(base.apiEntries);
    for (const id of allApis ? new Set([...current.keys(), ...base.apiEntries.keys()]) : touchedApis) {
      const api = current.get(id);
      if (api) entries.set(id, compileApi(api, defaults, byApi.get(id) ?? [], compiler));
      else entries.delete(id);
    }
    apiEntries = entries;
  }
  const finalProducts = products ?? base.products;
  const subscriptionsById = base.subscriptionsById.with(subChanges);

  return assemble(
    {
      version: last.version,
      generatedAt: last.generatedAt,
      defaults,
      gatewayTls,
      apiEntries,
      products: finalProducts,
      productApis: products ? productApiSets(finalProducts) : base.productApis,
      subscriptionsById,
      subscriptionsByKeyHash: base.subscriptionsByKeyHash.with(keyChanges, subscriptionsById),
      denials: base.denials.with(denialChanges),
    },
    apisChanged ? undefined : base,
  );
}

/** Routes and pools follow the API entries: rebuilt when they changed, shared otherwise. */
function assemble(
  parts: Omit<ConfigParts, "routes" | "versionedRoutes" | "backendPools" | "failsClosedWithoutLimiter">,
  sameApisAs?: CompiledConfig,
): CompiledConfig {
  // A product's onLimiterFailure counts even when no API of it was re-prepared: recomputed every time (cheap).
  const failsClosedWithoutLimiter =
    parts.defaults?.onLimiterFailure === "closed" ||
    [...parts.products.values()].some((p) => p.policy?.onLimiterFailure === "closed") ||
    [...parts.apiEntries.values()].some((e) => e.failsClosed);
  if (sameApisAs) {
    return new CompiledConfig({
      ...parts,
      routes: sameApisAs.routes,
      versionedRoutes: sameApisAs.versionedRoutes,
      backendPools: sameApisAs.backendPools,
      failsClosedWithoutLimiter,
    });
  }
  const routes = [...parts.apiEntries.values()].map((e) => e.route);
  return new CompiledConfig({
    ...parts,
    routes: new RouteTable(routes.filter((r) => !r.api.versioning)),
    versionedRoutes: new RouteTable(groupVersionedRoutes(routes.filter((r) => r.api.versioning))),
    backendPools: routes.map((r) => r.backends),
    failsClosedWithoutLimiter,
  });
}

/**
 * The APIs whose pipelines a product change reaches. Policies read of a product its id, limits
 * and policy (never its name): when those stay, only the APIs it gained or lost need preparing
 * again, so renaming a product that bundles a thousand APIs re-prepares none of them.
 */
function apisAffectedBy(previous: GatewayProduct | undefined, next: GatewayProduct): Iterable<string> {
  if (!previous) return next.apiIds;
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  if (!same(previous.rateLimit, next.rateLimit) || !same(previous.quota, next.quota) || !same(previous.policy, next.policy)) {
    return new Set([...previous.apiIds, ...next.apiIds]);
  }
  const [before, after] = [new Set(previous.apiIds), new Set(next.apiIds)];
  return [...[...after].filter((id) => !before.has(id)), ...[...before].filter((id) => !after.has(id))];
}

function compileApi(api: GatewayApi, defaults: ScopePolicy | undefined, products: GatewayProduct[], compiler: ConfigCompiler): ApiEntry {
  const route: CompiledRoute = Object.freeze({
    path: api.path,
    api,
    backends: compiler.backends.poolFor(api),
    pipeline: compiler.pipeline.prepare(api, { defaults, products }),
  });
  // A "closed" scope with no limit makes /readyz strict, which errs safe.
  const failsClosed = [api.policy, ...(api.operations ?? []).map((o) => o.policy)].some((p) => p?.onLimiterFailure === "closed");
  return { route, failsClosed };
}

function productsByApi(products: ReadonlyMap<string, GatewayProduct>): Map<string, GatewayProduct[]> {
  const byApi = new Map<string, GatewayProduct[]>();
  for (const product of products.values()) {
    for (const apiId of new Set(product.apiIds)) {
      const list = byApi.get(apiId);
      if (list) list.push(product);
      else byApi.set(apiId, [product]);
    }
  }
  return byApi;
}

function productApiSets(products: ReadonlyMap<string, GatewayProduct>): Map<string, ReadonlySet<string>> {
  return new Map([...products.values()].map((p) => [p.id, new Set(p.apiIds)]));
}

/**
 * The snapshot schema's rule for APIs a delta brings: two APIs may share a path
 * only as distinct versions of one header/query version set.
 */
function refuseSharedPaths(apis: Iterable<GatewayApi>): void {
  const byPath = new Map<string, GatewayApi>();
  const versions = new Map<string, Set<string>>();
  for (const api of apis) {
    const first = byPath.get(api.path);
    if (!first) {
      byPath.set(api.path, api);
      versions.set(api.path, new Set(api.versioning ? [api.versioning.version] : []));
      continue;
    }
    const [a, b] = [first.versioning, api.versioning];
    const sameSet = a && b && a.versionSetId === b.versionSetId && a.scheme === b.scheme && a.parameterName === b.parameterName;
    const seen = versions.get(api.path)!;
    if (!sameSet || seen.has(b.version)) throw new DeltaRefusedError(`duplicate API path "${api.path}"`);
    seen.add(b.version);
  }
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
