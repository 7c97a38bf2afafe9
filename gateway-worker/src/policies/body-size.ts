// The largest request body an API accepts. A declared Content-Length over the
// limit is refused at once, before any byte of the body is read; a chunked
// body has no length up front, so the forwarder counts it as it streams and
// cuts it with the same 413 (proxy/count-body-bytes.ts). Never buffers.
import { rejection } from "../http/errors.js";
import { firstHeaderValue } from "../http/headers.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";
import { ruleScopesFor, scopedRuleSchema, type ScopedRule } from "./scoped-rule.js";

export const bodySizePolicy: Policy<ScopedRule<number>> = {
  name: "body-size",
  priority: POLICY_PRIORITY["body-size"],
  schema: scopedRuleSchema("maxRequestBodyBytes", (limit) => limit),
  settingsFor: ruleScopesFor,
  inactive: (rule) => rule.unset,
  handle(ctx, rule) {
    const limit = rule.forRequest(ctx);
    if (limit === null) return undefined;
    const declared = firstHeaderValue(ctx.headers, "content-length");
    if (declared !== undefined && Number(declared) > limit) {
      return rejection("payload_too_large", { connection: "close" }, `The request body is larger than this API accepts (${limit} bytes).`);
    }
    ctx.maxRequestBodyBytes = limit;
    return undefined;
  },
};
