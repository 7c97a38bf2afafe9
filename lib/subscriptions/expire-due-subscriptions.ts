// Makes "expired" real: live subscriptions whose expiry date has passed are stored as
// EXPIRED (audited, by the system) and the gateways get a new snapshot. The gateway
// already refuses a key past its expiresAt; this keeps the database, the console and
// the subscription limit honest too. The body of the scheduled expiry job
// (start-subscription-expiry-job.ts); state changes run it too. Listing never does.
import { systemActor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { LIVE_STATES } from "./subscription-states";

/** Returns the ids it expired (empty when nothing was due). */
export async function expireDueSubscriptions(now = new Date()): Promise<string[]> {
  const due = await db().subscription.findMany({
    where: { state: { in: [...LIVE_STATES] }, expiresAt: { lte: now } },
    select: { id: true, state: true, expiresAt: true },
  });
  if (due.length === 0) return [];

  const expired = await db().$transaction(async (tx) => {
    const ids: string[] = [];
    for (const s of due) {
      // Conditional update: a concurrent sweep or state change wins, and is not audited twice.
      const { count } = await tx.subscription.updateMany({
        where: { id: s.id, state: { in: [...LIVE_STATES] }, expiresAt: { lte: now } },
        data: { state: "EXPIRED" },
      });
      if (count === 0) continue;
      ids.push(s.id);
      await recordAuditEvent(tx, systemActor, {
        action: "subscription.expired",
        entityType: "subscription",
        entityId: s.id,
        before: { state: s.state.toLowerCase(), expiresAt: s.expiresAt?.toISOString() ?? null },
        after: { state: "expired", expiresAt: s.expiresAt?.toISOString() ?? null },
      });
    }
    return ids;
  });

  if (expired.length > 0) {
    await publishGatewayChange(`${expired.length} subscription(s) expired`, expired.map((id) => ({ kind: "subscription" as const, id })));
  }
  return expired;
}
