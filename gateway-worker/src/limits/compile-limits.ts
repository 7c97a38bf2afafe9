// Resolves, once per config, every limit a call to an API must pass: for each
// product that bundles the API (and for callers without one) and for each
// operation that sets its own policy, effectivePolicy() over workspace defaults,
// product, API and operation. Per request only a Map lookup is left.
import { effectivePolicy, type EffectiveLimit, type PolicyScope, type ScopeChain } from "../contract/effective-policy.js";
import type { GatewayApi, GatewayConfigSnapshot, GatewayProduct } from "../contract/config-snapshot.js";
import { limitOwner } from "../contract/limit-counters.js";
import type { LimitKey, ScopePolicy } from "../contract/scope-policy.js";

export type CompiledLimit = EffectiveLimit & {
  /** Counter owner (contract/limit-counters.ts): the scope that set the limit. */
  readonly owner: string;
  /** Who shares its counter; undefined = the subscription, or the client IP without one. */
  readonly limitKey: LimitKey | undefined;
};

export interface CallLimits {
  readonly limits: readonly CompiledLimit[];
  readonly failOpen: boolean;
  readonly quotaExceededStatus: 429 | 403;
  readonly legacyHeaders: boolean;
}

export interface ApiLimits {
  /** null: nothing limits this call. `operation` is the matched template, when the API lists operations. */
  forCall(productId: string | null, operation: { method: string; path: string } | undefined): CallLimits | null;
}

const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** The product's rateLimit/quota are top-level in the snapshot (as in the management API); null there = not set. */
function productScope(product: GatewayProduct): ScopePolicy {
  const quota = product.quota && (product.quota.calls !== null || product.quota.bandwidthBytes !== null) ? product.quota : undefined;
  return { ...product.policy, rateLimit: product.rateLimit ?? undefined, quota };
}

function ownerOf(scope: PolicyScope, api: GatewayApi, productId: string | null, operation: string | null): string {
  switch (scope) {
    case "product":
      return limitOwner.product(productId!);
    case "operation": {
      const [method, ...path] = operation!.split(" ");
      return limitOwner.operation(api.id, method, path.join(" "));
    }
    case "api":
      return limitOwner.api(api.id);
    case "workspace":
      return limitOwner.workspace(api.id);
  }
}

function compileCall(api: GatewayApi, chain: ScopeChain, productId: string | null, operation: string | null): CallLimits | null {
  const effective = effectivePolicy(chain);
  if (effective.limits.length === 0) return null;
  // The product's own limits belong to the subscription; the API's (and operation's, workspace's)
  // follow the limitKey of the API's chain, so an API may count per IP or per claim instead.
  const apiLimitKey = effectivePolicy({ ...chain, product: undefined }).rules.limitKey?.value ?? undefined;
  const limits = effective.limits.map(
    (limit): CompiledLimit => ({
      ...limit,
      owner: ownerOf(limit.scope, api, productId, operation),
      limitKey: limit.scope === "product" ? (chain.product?.limitKey ?? undefined) : apiLimitKey,
    }),
  );
  return Object.freeze({
    limits,
    failOpen: (effective.rules.onLimiterFailure?.value ?? "open") === "open",
    quotaExceededStatus: effective.rules.quotaExceededStatus?.value ?? 429,
    legacyHeaders: effective.rules.legacyRateLimitHeaders?.value ?? false,
  });
}

export function compileApiLimits(api: GatewayApi, snapshot: GatewayConfigSnapshot): ApiLimits {
  const products = snapshot.products.filter((p) => p.apiIds.includes(api.id));
  const ownOperations = (api.operations ?? []).filter((op) => op.policy !== undefined);
  const table = new Map<string, CallLimits | null>();
  for (const product of [null, ...products]) {
    for (const op of [null, ...ownOperations]) {
      const opKey = op ? operationKey(op.method, op.path) : null;
      const chain: ScopeChain = {
        workspace: snapshot.defaults,
        product: product ? productScope(product) : undefined,
        api: api.policy,
        operation: op?.policy,
      };
      table.set(`${product?.id ?? ""}\n${opKey ?? ""}`, compileCall(api, chain, product?.id ?? null, opKey));
    }
  }
  const withPolicy = new Set(ownOperations.map((op) => operationKey(op.method, op.path)));
  return {
    forCall(productId, operation) {
      const opKey = operation ? operationKey(operation.method, operation.path) : "";
      const own = withPolicy.has(opKey) ? opKey : "";
      // A product the snapshot does not bundle with this API cannot reach here (subscription-key refuses it).
      return table.get(`${productId ?? ""}\n${own}`) ?? null;
    },
  };
}
