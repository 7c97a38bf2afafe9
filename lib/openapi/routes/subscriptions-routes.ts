// OpenAPI entries for /subscriptions (one entry per route and method).
import { ALL_ROLES, SUBSCRIBERS } from "@/lib/http/with-auth";
import {
  changeSubscriptionStateInputSchema,
  createSubscriptionInputSchema,
  listSubscriptionsQuerySchema,
  regenerateKeyInputSchema,
} from "@/lib/subscriptions/subscription-schemas";
import { listOf } from "../resources/common-schemas";
import { createdSubscriptionSchema, subscriptionKeysSchema, subscriptionSchema } from "../resources/catalog-resource-schemas";
import { routeDocs } from "../route-doc";

const tag = "Subscriptions";
/** Viewers are read-only; developers act on their own subscriptions only. */

export const subscriptionsRoutes = routeDocs([
  {
    method: "get",
    path: "/subscriptions",
    operationId: "listSubscriptions",
    summary: "List subscriptions (developers: their own)",
    tag,
    roles: ALL_ROLES,
    query: listSubscriptionsQuerySchema,
    response: { status: 200, description: "The subscriptions", schema: listOf(subscriptionSchema, "SubscriptionList") },
  },
  {
    method: "post",
    path: "/subscriptions",
    operationId: "createSubscription",
    summary: "Subscribe to a product or a single API",
    description: "Answers the keys once. Developers' requests to products that need approval start as submitted.",
    tag,
    roles: SUBSCRIBERS,
    body: createSubscriptionInputSchema,
    response: { status: 201, description: "The subscription and its keys", schema: createdSubscriptionSchema },
    errors: [409, 422],
  },
  {
    method: "get",
    path: "/subscriptions/{subscriptionId}",
    operationId: "getSubscription",
    summary: "One subscription",
    tag,
    roles: ALL_ROLES,
    response: { status: 200, description: "The subscription", schema: subscriptionSchema },
  },
  {
    method: "patch",
    path: "/subscriptions/{subscriptionId}",
    operationId: "changeSubscriptionState",
    summary: "Approve, reject, suspend, reactivate or cancel (developers: cancel their own)",
    tag,
    roles: SUBSCRIBERS,
    body: changeSubscriptionStateInputSchema,
    response: { status: 200, description: "The subscription", schema: subscriptionSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/subscriptions/{subscriptionId}/secrets",
    operationId: "getSubscriptionKeys",
    summary: "The subscription's keys (its owner or a platform admin)",
    tag,
    roles: SUBSCRIBERS,
    response: { status: 200, description: "The keys", schema: subscriptionKeysSchema },
  },
  {
    method: "post",
    path: "/subscriptions/{subscriptionId}/regenerate-key",
    operationId: "regenerateSubscriptionKey",
    summary: "Replace the primary or the secondary key; the other keeps working",
    tag,
    roles: SUBSCRIBERS,
    body: regenerateKeyInputSchema,
    response: { status: 200, description: "The keys", schema: subscriptionKeysSchema },
  },
]);
