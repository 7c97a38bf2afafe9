// The console's test subscription: one per (API, console user), scoped to that API alone, owned
// by the user who tests, created the first time they send a test request. Its keys stay on the
// server: the test-request route sends them to the gateway, never to the browser.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { isAdmin } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { revealKeys, withEncryptedKeys } from "@/lib/subscriptions/subscription-keys";

/** How the console marks its test subscriptions; API deletion does not count them as clients. */
export const CONSOLE_TEST_SUBSCRIPTION_NAME = "Console test subscription";

export const notConsoleTestSubscription = { NOT: { name: CONSOLE_TEST_SUBSCRIPTION_NAME } } satisfies Prisma.SubscriptionWhereInput;

export type TestKey = { subscriptionId: string; key: string; created: boolean };

/** The caller's test subscription to this API (made if missing) with its primary key. */
export async function consoleTestKey(apiId: string, actor: Actor): Promise<TestKey> {
  const existing = await db().subscription.findFirst({
    where: { apiId, userId: actor.userId, name: CONSOLE_TEST_SUBSCRIPTION_NAME, state: "ACTIVE" },
    omit: withEncryptedKeys,
    orderBy: { createdAt: "asc" },
  });
  if (existing) return { subscriptionId: existing.id, key: revealKeys(existing).primaryKey, created: false };
  const created = await createSubscription({ apiId, name: CONSOLE_TEST_SUBSCRIPTION_NAME, ...(actor.userId ? { userId: actor.userId } : {}) }, actor);
  return { subscriptionId: created.id, key: created.primaryKey, created: true };
}

/**
 * A subscription the caller chose: active, opening this API (scoped to it or to a product that
 * bundles it), and one whose keys the caller may see (its owner or a platform admin).
 */
export async function chosenSubscriptionKey(apiId: string, subscriptionId: string, actor: Actor): Promise<TestKey> {
  const row = await db().subscription.findUnique({
    where: { id: subscriptionId },
    omit: withEncryptedKeys,
    include: { product: { select: { apis: { where: { apiId }, select: { apiId: true } } } } },
  });
  if (!row) throw notFound("Subscription", subscriptionId);
  if (!isAdmin(actor) && row.userId !== actor.userId) throw new ApiError("forbidden", "Only the subscription's owner or a platform admin may test with it");
  const opensApi = row.apiId === apiId || (row.product?.apis.length ?? 0) > 0;
  if (!opensApi) throw new ApiError("unprocessable", `Subscription '${row.name}' does not open this API`);
  if (row.state !== "ACTIVE") throw new ApiError("unprocessable", `Subscription '${row.name}' is ${row.state.toLowerCase()}, not active`);
  return { subscriptionId: row.id, key: revealKeys(row).primaryKey, created: false };
}
