// Refuses %2F and %5C inside path segments unless the API allows them. The
// operation matcher decodes a segment before comparing it, so "..%2F..%2Fadmin"
// is one segment to the gateway ("{orderId}") but a climb out of the API to any
// backend that decodes %2F; for those the gateway cannot vouch, so by default it
// answers 400 instead. Runs right after lifecycle, before operations are matched.
import { z } from "zod";
import { rejection } from "../http/errors.js";
import { hasEncodedSeparator } from "../http/request-path.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";

const settingsSchema = z.boolean().optional().transform((allowed) => allowed ?? false);

export const pathEncodingPolicy: Policy<boolean> = {
  name: "path-encoding",
  priority: POLICY_PRIORITY["path-encoding"],
  schema: settingsSchema,
  settingsFor: (api) => api.allowEncodedSlashes,
  inactive: (allowEncodedSlashes) => allowEncodedSlashes,
  handle(ctx, allowEncodedSlashes) {
    if (allowEncodedSlashes) return undefined;
    const rest = ctx.pathname.slice(ctx.api.path.length + 1);
    return hasEncodedSeparator(rest) ? rejection("invalid_path") : undefined;
  },
};
