// Admins (and publishers, for what they manage) create active
// subscriptions for anyone, to a product or a single API; developers subscribe themselves
// to published products: submitted when the product needs approval, only after accepting
// its terms, and within its per-developer limit.
import type { Actor } from "@/lib/iam/actor";
import { canManageCatalog } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { expireDueSubscriptions } from "./expire-due-subscriptions";
import { resolveSubscriptionScope, type SubscriptionScope } from "./resolve-subscription-scope";
import { newKeyColumns } from "./subscription-keys";
import { termsVersionOf } from "./terms-version";
import { subscriptionInclude, toSubscriptionResource, type CreatedSubscription, type CreateSubscriptionInput } from "./subscription-schemas";
import { liveSubscriptionWhere } from "./subscription-states";

/**
 * The rules a developer (not an admin) must meet to subscribe to a product: accepting its terms,
 * and (when they say which text they read) the terms still reading so. Answers the acceptance
 * to store on the subscription, or null when the product has no terms.
 */
function acceptedTerms(scope: SubscriptionScope, input: CreateSubscriptionInput, userId: string | null, at: Date) {
  const { product } = scope;
  if (!product || product.terms.trim() === "") return null;
  if (input.acceptTerms !== true) {
    throw new ApiError("bad_request", `Accept the terms of '${product.name}' to subscribe (acceptTerms: true)`);
  }
  const version = termsVersionOf(product.terms);
  if (input.termsVersion && input.termsVersion !== version) {
    throw new ApiError("conflict", `The terms of '${product.name}' changed since you read them: read them again and accept the new text`);
  }
  return { termsAcceptedAt: at, termsAcceptedById: userId, termsText: product.terms, termsVersion: version };
}

/**
 * Counted inside the creating transaction under a per-(product, user) lock, so parallel
 * requests cannot both pass the check and exceed the limit.
 */
async function assertUnderSubscriptionsLimit(tx: DbTransaction, scope: SubscriptionScope, userId: string | null) {
  const { product } = scope;
  if (product && product.subscriptionsLimit !== null && userId) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${product.id}:${userId}`}))`;
    const held = await tx.subscription.count({ where: { productId: product.id, userId, ...liveSubscriptionWhere() } });
    if (held >= product.subscriptionsLimit) {
      throw new ApiError("conflict", `You already hold ${held} subscription(s) to '${product.name}', the limit`);
    }
  }
}

export async function createSubscription(input: CreateSubscriptionInput, actor: Actor): Promise<CreatedSubscription> {
  const manager = canManageCatalog(actor);
  if (input.userId && !manager) throw new ApiError("forbidden", "Only admins may subscribe on behalf of another user");
  const userId = input.userId ?? actor.userId;
  // A developer's subscription must have an owner, or the per-developer limit and the portal lose track of it.
  if (!manager && !userId) throw new ApiError("forbidden", "Developers subscribe as themselves; this token acts for no user");
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw new ApiError("bad_request", "expiresAt must be in the future");

  const scope = await resolveSubscriptionScope(input, actor);
  if (userId && !(await db().user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw new ApiError("unprocessable", `Unknown user '${userId}'`);
  }
  let terms: ReturnType<typeof acceptedTerms> = null;
  if (!manager) {
    await expireDueSubscriptions(); // an expired subscription no longer counts against the limit
    terms = acceptedTerms(scope, input, userId, new Date());
  }

  const { plain, columns } = newKeyColumns();
  const state = manager || !scope.product?.approvalRequired ? "ACTIVE" : "SUBMITTED";
  const subscription = await db().$transaction(async (tx) => {
    if (!manager) await assertUnderSubscriptionsLimit(tx, scope, userId);
    const created = await tx.subscription.create({
      data: { name: input.name, productId: scope.productId, apiId: scope.apiId, userId, state, expiresAt, ...terms, ...columns },
      include: subscriptionInclude,
    });
    const resource = toSubscriptionResource(created);
    const termsAccepted = scope.product && scope.product.terms.trim() !== "" ? input.acceptTerms === true : undefined;
    await recordAuditEvent(tx, actor, {
      action: "subscription.created",
      entityType: "subscription",
      entityId: created.id,
      after: { ...resource, termsAccepted },
    });
    return resource;
  });

  await publishGatewayChange(`subscription ${subscription.id} created`, [{ kind: "subscription", id: subscription.id }]);
  return { ...subscription, ...plain };
}
