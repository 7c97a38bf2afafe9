// GET /secrets and POST /regenerate-key - keys are shown to their owner and admins only.
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { getOwnedSubscriptionOrThrow, ownsSubscription } from "./get-owned-subscription-or-throw";
import { newSubscriptionKey, revealKeys, type KeySlot } from "./subscription-keys";

async function getForKeyHolder(id: string, actor: Actor) {
  const subscription = await getOwnedSubscriptionOrThrow(id, actor);
  if (!isAdmin(actor) && !ownsSubscription(actor, subscription)) {
    throw new ApiError("forbidden", "Only the subscription's owner or a platform admin may see its keys");
  }
  return subscription;
}

export async function getSubscriptionSecrets(id: string, actor: Actor) {
  return revealKeys(await getForKeyHolder(id, actor));
}

/** Replaces one key; the other keeps working, so clients rotate without downtime. */
export async function regenerateSubscriptionKey(id: string, slot: KeySlot, actor: Actor) {
  await getForKeyHolder(id, actor);
  const fresh = newSubscriptionKey();
  const updated = await db().$transaction(async (tx) => {
    const row = await tx.subscription.update({
      where: { id },
      data:
        slot === "primary"
          ? { primaryKeyHash: fresh.hash, primaryKeyEncrypted: fresh.encrypted }
          : { secondaryKeyHash: fresh.hash, secondaryKeyEncrypted: fresh.encrypted },
    });
    await recordAuditEvent(tx, actor, { action: `subscription.${slot}_key_regenerated`, entityType: "subscription", entityId: id });
    return row;
  });
  await publishGatewayConfig(`subscription ${id} ${slot} key regenerated`);
  return revealKeys(updated);
}
