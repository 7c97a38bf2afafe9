// Identifies the caller by subscription key, APIM style: header first, then
// query parameter. Keys are compared by sha256 (the snapshot never holds them
// in clear) and always stripped before forwarding, so the backend never sees one.
import { gatewayApiSchema } from "../contract/config-snapshot.js";
import { hashSubscriptionKey } from "../contract/subscription-key-hash.js";
import { rejection } from "../http/errors.js";
import { firstHeaderValue } from "../http/headers.js";
import { takeQueryParam } from "../http/query-string.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy, PolicyContext } from "./policy.js";

// The header's name is lower-cased once, here (Node lower-cases incoming header names).
const settingsSchema = gatewayApiSchema.shape.subscription.transform((s) => ({ ...s, headerName: s.header.toLowerCase() }));
type SubscriptionKeySettings = typeof settingsSchema._zod.output;

/** Reads the key from header or query, and removes both from what is forwarded. */
function takeKey(ctx: PolicyContext, settings: SubscriptionKeySettings): string | undefined {
  const fromHeader = firstHeaderValue(ctx.headers, settings.headerName);
  const fromQuery = takeQueryParam(ctx.query, settings.query);
  if (fromHeader !== undefined) delete ctx.headers[settings.headerName];
  ctx.query = fromQuery.rest;
  if (fromHeader) return fromHeader;
  return fromQuery.value || undefined;
}

export const subscriptionKeyPolicy: Policy<SubscriptionKeySettings> = {
  name: "subscription-key",
  priority: POLICY_PRIORITY["subscription-key"],
  schema: settingsSchema,
  settingsFor: (api) => api.subscription,
  handle(ctx, settings) {
    const key = takeKey(ctx, settings);
    // An open API still gets the key stripped above: never leak one to a backend.
    if (!settings.required) return undefined;
    if (key === undefined) return rejection("missing_subscription_key");

    const subscription = ctx.config.subscriptionsByKeyHash.get(hashSubscriptionKey(key));
    // A key for another API is as useless here as an unknown one: same answer,
    // so a caller cannot probe which keys exist elsewhere.
    if (!subscription || !ctx.config.covers(subscription, ctx.api.id)) return rejection("invalid_subscription_key");

    const expired = subscription.expiresAtMs !== null && subscription.expiresAtMs <= ctx.now;
    if (subscription.state !== "active" || expired) return rejection("subscription_inactive");

    ctx.subscription =
      subscription.boundClientId === undefined
        ? { id: subscription.id, productId: subscription.productId }
        : { id: subscription.id, productId: subscription.productId, boundClientId: subscription.boundClientId };
    return undefined;
  },
};
