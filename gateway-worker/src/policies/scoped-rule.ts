// Settings for a request rule (CORS, IP filter, header rules, body size,
// request validation) that may be set at four scopes. At config compile time
// each rule policy gets the scopes that concern one API; per request the
// effective value is picked with the contract's effectivePolicy (the same
// function the console's effective-policy answer uses) from the matched
// operation and the caller's product. `compile` runs once per distinct value.
import { z } from "zod";
import type { GatewayApi, GatewayOperation, ScopePolicy } from "../contract/config-snapshot.js";
import { effectivePolicy, type RuleName } from "../contract/effective-policy.js";
import type { PolicyContext, PolicyScopes } from "./policy.js";

export interface RuleScopes {
  workspace?: ScopePolicy;
  api?: ScopePolicy;
  /** Product id -> that product's policy, for the products that bundle this API. */
  products: ReadonlyMap<string, ScopePolicy>;
  /** The policies of the API's operations, so a rule set nowhere is known at compile time. */
  operations?: readonly (ScopePolicy | undefined)[];
}

export type RuleValue<K extends RuleName> = NonNullable<ScopePolicy[K]>;

export interface ScopedRule<T> {
  /** The rule for this request, compiled; null when no scope sets it (or the nearest clears it). */
  forRequest(ctx: PolicyContext, opts?: { operation?: GatewayOperation; withoutProduct?: boolean }): T | null;
  /** No scope of the API, operations included, sets the rule: forRequest always answers null. */
  readonly unset: boolean;
}

/** What every rule policy's settingsFor answers: the scopes concerning `api`. */
export function ruleScopesFor(api: GatewayApi, snapshot: PolicyScopes): RuleScopes {
  const products = new Map<string, ScopePolicy>();
  for (const p of snapshot.products) if (p.policy && p.apiIds.includes(api.id)) products.set(p.id, p.policy);
  return { workspace: snapshot.defaults, api: api.policy, products, operations: (api.operations ?? []).map((op) => op.policy) };
}

/** The schema of a rule policy: the scopes arrive validated (the snapshot was); this binds them to `name`. */
export function scopedRuleSchema<K extends RuleName, T>(name: K, compile: (value: RuleValue<K>) => T): z.ZodType<ScopedRule<T>> {
  return z.custom<RuleScopes>((v) => typeof v === "object" && v !== null).transform((scopes) => scopedRule(name, scopes, compile)) as never;
}

export function scopedRule<K extends RuleName, T>(name: K, scopes: RuleScopes, compile: (value: RuleValue<K>) => T): ScopedRule<T> {
  // Values are the snapshot's own objects, so identity tells one scope's rule from another's.
  const compiled = new Map<unknown, T>();
  const compiledOf = (value: RuleValue<K>) => {
    if (!compiled.has(value)) compiled.set(value, compile(value));
    return compiled.get(value)!;
  };
  // Nothing set anywhere (the usual case): no per-request work at all.
  const setSomewhere =
    scopes.workspace?.[name] !== undefined || scopes.api?.[name] !== undefined || [...scopes.products.values()].some((p) => p[name] !== undefined);
  // Known only when the scopes list the API's operations (ruleScopesFor does).
  const unset = !setSomewhere && scopes.operations !== undefined ? scopes.operations.every((p) => p?.[name] === undefined) : false;
  return {
    unset,
    forRequest(ctx, opts = {}) {
      const operation = opts.operation ?? ctx.operation;
      if (!setSomewhere && operation?.policy?.[name] === undefined) return null;
      const productId = opts.withoutProduct ? null : (ctx.subscription?.productId ?? null);
      const rule = effectivePolicy({
        workspace: scopes.workspace,
        product: productId === null ? undefined : scopes.products.get(productId),
        api: scopes.api,
        operation: operation?.policy,
      }).rules[name];
      if (!rule || rule.value === null) return null;
      return compiledOf(rule.value as RuleValue<K>);
    },
  };
}
