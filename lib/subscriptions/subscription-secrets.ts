// Shows and rotates a subscription's keys: to its owner and platform admins only.
import type { Actor } from "@/lib/iam/actor";
import { isAdmin } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { getOwnedSubscriptionOrThrow, ownsSubscription } from "./get-owned-subscription-or-throw";
import { effectiveState, isLiveState } from "./subscription-states";
import { newSubscriptionKey, revealKeys, withEncryptedKeys, type KeySlot } from "./subscription-keys";

async function assertKeyHolder(id: string, actor: Actor) {
  const subscription = await getOwnedSubscriptionOrThrow(id, actor);
  if (!isAdmin(actor) && !ownsSubscription(actor, subscription)) {
    throw new ApiError("forbidden", "Only the subscription's owner or a platform admin may see its keys");
  }
  return subscription;
}

export async function getSubscriptionSecrets(id: string, actor: Actor) {
  await assertKeyHolder(id, actor);
  return revealKeys(await db().subscription.findUniqueOrThrow({ where: { id }, omit: withEncryptedKeys }));
}

/** Replaces one key; the other keeps working, so clients rotate without downtime. */
export async function regenerateSubscriptionKey(id: string, slot: KeySlot, actor: Actor) {
  const subscription = await assertKeyHolder(id, actor);
  // Rejected, cancelled and expired keys never work again: a new one would not either.
  const state = effectiveState(subscription);
  if (!isLiveState(state)) throw new ApiError("conflict", `A ${state.toLowerCase()} subscription's keys cannot be regenerated`);
  const fresh = newSubscriptionKey();
  const updated = await db().$transaction(async (tx) => {
    const row = await tx.subscription.update({
      where: { id },
      data:
        slot === "primary"
          ? { primaryKeyHash: fresh.hash, primaryKeyEncrypted: fresh.encrypted }
          : { secondaryKeyHash: fresh.hash, secondaryKeyEncrypted: fresh.encrypted },
      omit: withEncryptedKeys,
    });
    await recordAuditEvent(tx, actor, { action: `subscription.${slot}_key_regenerated`, entityType: "subscription", entityId: id });
    return row;
  });
  await publishGatewayChange(`subscription ${id} ${slot} key regenerated`, [{ kind: "subscription", id }]);
  return revealKeys(updated);
}
