// Lifecycle runs before everything else: a retired API answers 410 whatever
// the caller presents, and a deprecated one still works but says so.
import { apiLifecycleSchema, type GatewayApi } from "../contract/config-snapshot";
import { rejection } from "../http/errors";
import { POLICY_PRIORITY } from "../pipeline/policy-order";
import type { Policy } from "./policy";

type Lifecycle = GatewayApi["lifecycle"];

export const lifecyclePolicy: Policy<Lifecycle> = {
  name: "lifecycle",
  priority: POLICY_PRIORITY.lifecycle,
  schema: apiLifecycleSchema,
  settingsFor: (api) => api.lifecycle,
  handle(ctx, lifecycle) {
    if (lifecycle === "retired") return rejection("api_retired");
    // RFC 9745 allows a date; the snapshot carries none, so the boolean form.
    if (lifecycle === "deprecated") ctx.responseHeaders["deprecation"] = "true";
    // "draft" is served like "published": the console decides what it sends.
    return undefined;
  },
};
