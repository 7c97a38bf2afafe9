// Moves a subscription through its states: approve (submitted -> active), reject with a reason,
// suspend, reactivate or cancel. Developers may only cancel their own.
import type { Actor } from "@/lib/iam/actor";
import { canManageCatalog } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { SubscriptionState } from "@/generated/prisma/client";
import { assertCanManageSubscription } from "./assert-can-manage-subscription";
import { expireDueSubscriptions } from "./expire-due-subscriptions";
import { getOwnedSubscriptionOrThrow, ownsSubscription } from "./get-owned-subscription-or-throw";
import { subscriptionInclude, toSubscriptionResource, type ChangeSubscriptionStateInput } from "./subscription-schemas";

/** Which states each state may move to (Azure APIM's subscription lifecycle). */
const allowedTransitions: Record<SubscriptionState, SubscriptionState[]> = {
  SUBMITTED: ["ACTIVE", "REJECTED", "CANCELLED"],
  ACTIVE: ["SUSPENDED", "CANCELLED"],
  SUSPENDED: ["ACTIVE", "CANCELLED"],
  REJECTED: [],
  CANCELLED: [],
  EXPIRED: [],
};

export async function changeSubscriptionState(id: string, input: ChangeSubscriptionStateInput, actor: Actor) {
  // A subscription past its expiry must not be approved or reactivated: expire it first.
  await expireDueSubscriptions();
  const current = await getOwnedSubscriptionOrThrow(id, actor);
  const target = input.state.toUpperCase() as SubscriptionState;
  if (canManageCatalog(actor)) {
    await assertCanManageSubscription(actor, current);
  } else if (target !== "CANCELLED" || !ownsSubscription(actor, current)) {
    // Developers may only give up their own subscription.
    throw new ApiError("forbidden", "Only admins may change a subscription's state");
  }
  if (current.state === target) return toSubscriptionResource(current);
  if (!allowedTransitions[current.state].includes(target)) {
    throw new ApiError("conflict", `A ${current.state.toLowerCase()} subscription cannot become ${input.state}`);
  }

  const updated = await db().$transaction(async (tx) => {
    // Conditional on the state we checked, so two admins deciding at once cannot both win.
    const { count } = await tx.subscription.updateMany({
      where: { id, state: current.state },
      data: { state: target, stateComment: input.comment ?? "" },
    });
    if (count === 0) throw new ApiError("conflict", "The subscription changed meanwhile; reload and try again");
    const row = await tx.subscription.findUniqueOrThrow({ where: { id }, include: subscriptionInclude });
    const resource = toSubscriptionResource(row);
    await recordAuditEvent(tx, actor, {
      action: approvalAction(current.state, target),
      entityType: "subscription",
      entityId: id,
      before: toSubscriptionResource(current),
      after: resource,
    });
    return resource;
  });

  await publishGatewayChange(`subscription ${id} ${input.state}`, [{ kind: "subscription", id }]);
  return updated;
}

/** Approvals and rejections get their own audit action, so the audit log can filter them. */
function approvalAction(from: SubscriptionState, to: SubscriptionState): string {
  if (from === "SUBMITTED" && to === "ACTIVE") return "subscription.approved";
  if (from === "SUBMITTED" && to === "REJECTED") return "subscription.rejected";
  return "subscription.state_changed";
}
