// How the four scopes combine, in one place: the gateway compiles each
// operation's checks with it and the console's effective-policy answer
// (GET /api/v1/apis/{id}/effective-policy) reports the same result.
//
// - Rules (every field but rateLimit and quota): the most specific scope that
//   sets the field wins: operation, then API, then product, then workspace.
//   null at a scope means "cleared here" and also wins.
// - Limits stack, as in Azure: the product's limit and the API's limit both
//   apply, and a call must pass each. An operation's limit replaces its API's
//   (the narrower scope refines the same owner's limit). The workspace default
//   applies only where neither the product nor the API/operation sets that kind.
import type { Quota, RateLimit, ScopePolicy } from "./scope-policy.ts";

export type PolicyScope = "workspace" | "product" | "api" | "operation";

export interface ScopeChain {
  workspace?: ScopePolicy;
  /** The product of the caller's subscription; absent before a key identifies it. */
  product?: ScopePolicy;
  api?: ScopePolicy;
  operation?: ScopePolicy;
}

export type RuleName = Exclude<keyof ScopePolicy, "rateLimit" | "quota">;

export interface EffectiveRule<K extends RuleName = RuleName> {
  value: NonNullable<ScopePolicy[K]> | null;
  scope: PolicyScope;
}

export type EffectiveLimit =
  | { kind: "rateLimit"; scope: PolicyScope; value: RateLimit }
  | { kind: "quota"; scope: PolicyScope; value: Quota };

export interface EffectivePolicy {
  /** Only the fields some scope sets; a rule no scope sets is off. */
  rules: { [K in RuleName]?: EffectiveRule<K> };
  /** Every limit a call must pass, widest first. */
  limits: EffectiveLimit[];
}

const MOST_SPECIFIC_FIRST: readonly PolicyScope[] = ["operation", "api", "product", "workspace"];

export function effectivePolicy(chain: ScopeChain): EffectivePolicy {
  const rules: Record<string, EffectiveRule> = {};
  for (const scope of MOST_SPECIFIC_FIRST) {
    const policy = chain[scope];
    if (!policy) continue;
    for (const [name, value] of Object.entries(policy)) {
      if (name === "rateLimit" || name === "quota" || value === undefined || name in rules) continue;
      rules[name] = { value: value as EffectiveRule["value"], scope };
    }
  }
  return { rules: rules as EffectivePolicy["rules"], limits: [...limitsOf("rateLimit", chain), ...limitsOf("quota", chain)] };
}

function limitsOf<K extends "rateLimit" | "quota">(kind: K, chain: ScopeChain): EffectiveLimit[] {
  const found: EffectiveLimit[] = [];
  const push = (scope: PolicyScope, value: RateLimit | Quota | null | undefined) => {
    if (value) found.push({ kind, scope, value } as EffectiveLimit);
  };
  const productValue = chain.product?.[kind];
  // The operation's own setting (even null: "no limit on this operation") replaces the API's.
  const [apiScope, apiValue] =
    chain.operation && chain.operation[kind] !== undefined ? (["operation", chain.operation[kind]] as const) : (["api", chain.api?.[kind]] as const);
  if (productValue === undefined && apiValue === undefined) {
    push("workspace", chain.workspace?.[kind]);
    return found;
  }
  push("product", productValue);
  push(apiScope, apiValue);
  return found;
}
