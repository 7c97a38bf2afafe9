// PATCH /api/v1/subscriptions/{id} - approve, reject, suspend, reactivate or cancel.
import type { Actor } from "@/lib/auth/actor";
import { canManageCatalog } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { SubscriptionState } from "@/generated/prisma/client";
import { getOwnedSubscriptionOrThrow } from "./get-owned-subscription-or-throw";
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
  const current = await getOwnedSubscriptionOrThrow(id, actor);
  const target = input.state.toUpperCase() as SubscriptionState;
  // Developers may only give up their own subscription.
  if (!canManageCatalog(actor) && target !== "CANCELLED") {
    throw new ApiError("forbidden", "Only admins may change a subscription's state");
  }
  if (current.state === target) return toSubscriptionResource(current);
  if (!allowedTransitions[current.state].includes(target)) {
    throw new ApiError("conflict", `A ${current.state.toLowerCase()} subscription cannot become ${input.state}`);
  }

  const updated = await db().$transaction(async (tx) => {
    const row = await tx.subscription.update({
      where: { id },
      data: { state: target, stateComment: input.comment ?? "" },
      include: subscriptionInclude,
    });
    const resource = toSubscriptionResource(row);
    await recordAuditEvent(tx, actor, {
      action: "subscription.state_changed",
      entityType: "subscription",
      entityId: id,
      before: toSubscriptionResource(current),
      after: resource,
    });
    return resource;
  });

  await publishGatewayConfig(`subscription ${id} ${input.state}`);
  return updated;
}
