// The gateway serves the API's current revision, not everything below its path:
// a request must match one of the revision's operations (404 otherwise, 405
// with Allow for a known path and the wrong method). Runs after lifecycle, so a
// retired API still answers 410, and before the key, as in Azure API Management.
// Snapshots without `operations` (from before revisions) forward everything.
import { z } from "zod";
import type { GatewayOperation } from "../contract/config-snapshot.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import { OperationMatcher } from "../routing/operation-matcher.js";
import type { Policy } from "./policy.js";

// The matcher is built here, when the pipeline is prepared at config compile time. The operations
// arrive validated (the snapshot's or the delta's schema checked them, as the rule policies' scopes):
// checking a catalogue's 13,000 operations again took as long as the snapshot's own check.
const settingsSchema = z
  .custom<GatewayOperation[] | undefined>((ops) => ops === undefined || Array.isArray(ops))
  .transform((ops) => (ops ? new OperationMatcher(ops) : null));

export const operationMatchPolicy: Policy<OperationMatcher | null> = {
  name: "operation-match",
  priority: POLICY_PRIORITY["operation-match"],
  schema: settingsSchema,
  settingsFor: (api) => api.operations,
  inactive: (matcher) => matcher === null,
  handle(ctx, matcher) {
    if (!matcher) return undefined;
    // The request handler routed on this prefix, so "/<api.path>" is where pathname starts.
    const rest = ctx.pathname.slice(ctx.api.path.length + 1);
    const found = matcher.match(ctx.method, rest);
    if (found.kind === "matched") {
      ctx.operation = found.operation;
      return undefined;
    }
    if (found.kind === "method_not_allowed") return rejection("method_not_allowed", { allow: found.allow.join(", ") });
    return rejection("operation_not_found");
  },
};
