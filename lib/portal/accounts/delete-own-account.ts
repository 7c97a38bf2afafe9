// A developer deletes their own account. Its live subscriptions are cancelled first through the
// subscriptions domain (audited, and published so the gateways refuse the keys at once); the
// subscription rows stay, cancelled and without an owner, for the audit trail.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { toUserResource } from "@/lib/iam/users/user-schemas";
import { changeSubscriptionState } from "@/lib/subscriptions/change-subscription-state";
import { ownUserId } from "./change-own-password";

const CANCELLABLE = ["SUBMITTED", "ACTIVE", "SUSPENDED"] as const;

export async function deleteOwnAccount(actor: Actor): Promise<{ cancelledSubscriptions: number }> {
  const userId = ownUserId(actor);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (user.role !== "DEVELOPER") throw new ApiError("forbidden", "Only developer accounts delete themselves; console users are removed by a platform admin");
  const live = await db().subscription.findMany({ where: { userId, state: { in: [...CANCELLABLE] } }, select: { id: true } });
  for (const { id } of live) {
    await changeSubscriptionState(id, { state: "cancelled", comment: "The developer deleted their account" }, actor);
  }
  await db().$transaction(async (tx) => {
    await tx.user.delete({ where: { id: userId } });
    await recordAuditEvent(tx, actor, {
      action: "user.deleted",
      entityType: "user",
      entityId: userId,
      before: toUserResource(user),
      after: { deletedBySelf: true, cancelledSubscriptions: live.map((s) => s.id) },
    });
  });
  return { cancelledSubscriptions: live.length };
}
