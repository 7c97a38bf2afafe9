// A scope's policy as stored (Api.policy, Product.policy, OperationPolicy.policy,
// the workspace's "gatewayPolicy" setting): one JSON object of the contract's
// scopePolicySchema. Browser-safe (the API resource reads it); writing is in
// policy-column.ts, which needs Prisma's runtime. Read defensively (a hand-edited row sets nothing rather
// than breaking the API), changed key by key so an update of one rule never
// drops another scope owner's fields (rate limits live in the same object).
// The zod-only module, not the whole contract (parts of which need node:crypto).
import { scopePolicySchema, type ScopePolicy } from "@portcullis/gateway/contract/scope-policy";

export function readScopePolicy(stored: unknown): ScopePolicy {
  const parsed = scopePolicySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * The stored policy with every key `input` names replaced: a value sets it,
 * null records "off at this scope"; keys `input` leaves out keep their value.
 * Keys that are not scope-policy fields (an API's name, a product's terms) are ignored.
 */
export function nextScopePolicy(stored: unknown, input: Record<string, unknown>): ScopePolicy {
  const next: Record<string, unknown> = { ...readScopePolicy(stored) };
  for (const key of Object.keys(scopePolicySchema.shape)) {
    if (input[key] !== undefined) next[key] = input[key];
  }
  return scopePolicySchema.parse(next);
}

