// Checks a rule can only make against the API it applies to: the contract
// already refuses hop-by-hop and forwarding names, but the subscription key
// header differs per API, and a rule must not hand the key to the backend.
import type { ScopePolicy } from "@portcullis/gateway/contract";
import { ApiError } from "@/lib/http/errors";

export function assertRulesFitApi(policy: ScopePolicy, api: { subscriptionKeyHeader: string }, at = ""): void {
  const keyHeader = api.subscriptionKeyHeader.toLowerCase();
  const issues: { path: string; message: string }[] = [];
  for (const direction of ["request", "response"] as const) {
    const edits = policy.headerRules?.[direction];
    const named = [...Object.keys(edits?.set ?? {}), ...(edits?.remove ?? [])];
    if (named.some((name) => name.toLowerCase() === keyHeader)) {
      issues.push({ path: `${at}headerRules.${direction}`, message: `${api.subscriptionKeyHeader} carries the subscription key, which never reaches the backend` });
    }
  }
  if (issues.length > 0) throw new ApiError("validation_failed", issues[0].message, { issues });
}
