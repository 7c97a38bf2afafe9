// Resolves, once per config, every limit a call to an API must pass: for each
// product that bundles the API (and for callers without one) and for each
// operation that sets its own policy, effectivePolicy() over workspace defaults,
// product, API and operation. Per request only a Map lookup is left.
import { effectivePolicy, type ScopeChain } from "../contract/effective-policy.js";
import type { GatewayApi } from "../contract/config-snapshot.js";
import type { PolicyScopes } from "../policies/policy.js";
import { limitsInForce, productScopePolicy, type LimitedCall, type LimitInForce } from "../contract/limit-counters.js";

export type CompiledLimit = LimitInForce;

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

function compileCall(chain: ScopeChain, call: LimitedCall): CallLimits | null {
  const limits = limitsInForce(chain, call);
  if (limits.length === 0) return null;
  const effective = effectivePolicy(chain);
  return Object.freeze({
    limits,
    failOpen: (effective.rules.onLimiterFailure?.value ?? "open") === "open",
    quotaExceededStatus: effective.rules.quotaExceededStatus?.value ?? 429,
    legacyHeaders: effective.rules.legacyRateLimitHeaders?.value ?? false,
  });
}

export function compileApiLimits(api: GatewayApi, snapshot: PolicyScopes): ApiLimits {
  const products = snapshot.products.filter((p) => p.apiIds.includes(api.id));
  const ownOperations = (api.operations ?? []).filter((op) => op.policy !== undefined);
  const table = new Map<string, CallLimits | null>();
  for (const product of [null, ...products]) {
    for (const op of [null, ...ownOperations]) {
      const opKey = op ? operationKey(op.method, op.path) : null;
      const chain: ScopeChain = {
        workspace: snapshot.defaults,
        product: product ? productScopePolicy(product) : undefined,
        api: api.policy,
        operation: op?.policy,
      };
      const call = { apiId: api.id, productId: product?.id ?? null, operation: op && { method: op.method, path: op.path } };
      table.set(`${product?.id ?? ""}\n${opKey ?? ""}`, compileCall(chain, call));
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
