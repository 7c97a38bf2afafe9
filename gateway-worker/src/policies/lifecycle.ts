// Lifecycle runs before everything else: a retired API answers 410 whatever
// the caller presents, and a deprecated one still works but says so (and when it ends).
import { apiLifecycleSchema, type GatewayApi } from "../contract/config-snapshot.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";

type Lifecycle = GatewayApi["lifecycle"];

export const lifecyclePolicy: Policy<Lifecycle> = {
  name: "lifecycle",
  priority: POLICY_PRIORITY.lifecycle,
  schema: apiLifecycleSchema,
  settingsFor: (api) => api.lifecycle,
  handle(ctx, lifecycle) {
    if (lifecycle === "retired") return rejection("api_retired");
    if (lifecycle === "deprecated") {
      // RFC 9745 allows a date; the snapshot carries none, so the boolean form.
      ctx.responseHeaders["deprecation"] = "true";
      // RFC 8594: an HTTP-date (IMF-fixdate), which is what toUTCString writes.
      if (ctx.api.sunsetAt) ctx.responseHeaders["sunset"] = new Date(ctx.api.sunsetAt).toUTCString();
    }
    // "draft" is served like "published": the console decides what it sends.
    return undefined;
  },
};
