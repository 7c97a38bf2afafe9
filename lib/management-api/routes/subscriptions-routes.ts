// OpenAPI entries for /subscriptions (one entry per route and method).
import {
  changeSubscriptionStateInputSchema,
  createdSubscriptionSchema,
  createSubscriptionInputSchema,
  listSubscriptionsQuerySchema,
  regenerateKeyInputSchema,
  subscriptionDetailSchema,
  subscriptionKeysSchema,
  subscriptionPageSchema,
  subscriptionResourceSchema,
} from "@/lib/subscriptions/subscription-schemas";
import { subscriptionUsageSchema } from "@/lib/subscriptions/subscription-usage-schemas";
import { routeDocs } from "../route-doc";

const tag = "Subscriptions";
/** Viewers are read-only; developers act on their own subscriptions only. */

export const subscriptionsRoutes = routeDocs([
  {
    method: "get",
    path: "/subscriptions",
    operationId: "listSubscriptions",
    summary: "List subscriptions, a page at a time, filtered (developers: their own)",
    description: "Listing never changes a subscription: one past its expiresAt reads and filters as expired before the expiry job stores it. Cursor paging: pass `nextCursor` as `cursor` for the next page.",
    tag,
    query: listSubscriptionsQuerySchema,
    response: { status: 200, description: "A page of subscriptions", schema: subscriptionPageSchema },
  },
  {
    method: "post",
    path: "/subscriptions",
    operationId: "createSubscription",
    summary: "Subscribe to a product or a single API",
    description: "Answers the keys once. Developers' requests to products that need approval start as submitted.",
    tag,
    body: createSubscriptionInputSchema,
    response: { status: 201, description: "The subscription and its keys", schema: createdSubscriptionSchema },
    errors: [409, 422],
  },
  {
    method: "get",
    path: "/subscriptions/{subscriptionId}",
    operationId: "getSubscription",
    summary: "One subscription, with the APIs it opens and the terms accepted (developers: their own)",
    tag,
    response: { status: 200, description: "The subscription", schema: subscriptionDetailSchema },
  },
  {
    method: "patch",
    path: "/subscriptions/{subscriptionId}",
    operationId: "changeSubscriptionState",
    summary: "Approve, reject, suspend, reactivate or cancel (developers: cancel their own)",
    tag,
    body: changeSubscriptionStateInputSchema,
    response: { status: 200, description: "The subscription", schema: subscriptionResourceSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/subscriptions/{subscriptionId}/secrets",
    operationId: "getSubscriptionKeys",
    summary: "The subscription's keys (its owner or a platform admin)",
    tag,
    response: { status: 200, description: "The keys", schema: subscriptionKeysSchema },
  },
  {
    method: "get",
    path: "/subscriptions/{subscriptionId}/usage",
    operationId: "getSubscriptionUsage",
    summary: "The limits in force for a subscription and how much of each is used (developers: their own)",
    description:
      "Read from the counters the gateways keep in Redis: the rate limit's sliding window and the quota's current period (calls and response bytes). A product subscription shows its product's limits, a single-API subscription its API's own. 503 usage_unavailable when Redis cannot be reached.",
    tag,
    response: { status: 200, description: "Limits and usage", schema: subscriptionUsageSchema },
    errors: [503],
  },
  {
    method: "post",
    path: "/subscriptions/{subscriptionId}/regenerate-key",
    operationId: "regenerateSubscriptionKey",
    summary: "Replace the primary or the secondary key; the other keeps working",
    tag,
    body: regenerateKeyInputSchema,
    response: { status: 200, description: "The keys", schema: subscriptionKeysSchema },
  },
]);
