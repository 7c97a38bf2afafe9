// Lifecycle runs before everything else: a retired API answers 410 whatever
// the caller presents, and a deprecated one still works but says so (and when it ends).
// The headers are written when the config is compiled, not per request.
import { z } from "zod";
import { apiLifecycleSchema } from "../contract/config-snapshot.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";

const settingsSchema = z
  .object({ lifecycle: apiLifecycleSchema, sunsetAt: z.string().nullable().optional() })
  .transform(({ lifecycle, sunsetAt }) => ({ retired: lifecycle === "retired", headers: lifecycleHeaders(lifecycle, sunsetAt ?? null) }));
type LifecycleSettings = z.output<typeof settingsSchema>;

/** What every answer of an API at this stage carries; null for none ("draft" is served like "published"). */
export function lifecycleHeaders(lifecycle: z.output<typeof apiLifecycleSchema>, sunsetAt: string | null): Readonly<Record<string, string>> | null {
  if (lifecycle !== "deprecated") return null;
  // RFC 9745 allows a date; the snapshot carries none, so the boolean form.
  // RFC 8594: an HTTP-date (IMF-fixdate), which is what toUTCString writes.
  const headers: Record<string, string> = { deprecation: "true" };
  if (sunsetAt) headers.sunset = new Date(sunsetAt).toUTCString();
  return Object.freeze(headers);
}

export const lifecyclePolicy: Policy<LifecycleSettings> = {
  name: "lifecycle",
  priority: POLICY_PRIORITY.lifecycle,
  schema: settingsSchema,
  settingsFor: (api) => ({ lifecycle: api.lifecycle, sunsetAt: api.sunsetAt }),
  inactive: (settings) => !settings.retired && settings.headers === null,
  handle(ctx, { retired, headers }) {
    if (retired) return rejection("api_retired");
    if (headers) Object.assign(ctx.responseHeaders, headers);
    return undefined;
  },
};
