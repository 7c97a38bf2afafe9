// Tells every gateway about a revocation, a disabled or a re-enabled client or user of a realm,
// as one delta of the config channel: the realm's denials as the database holds them now
// (gateway-denials.ts, the same reading the snapshot uses) upserted, and the denials a re-enable
// ended removed. Upserting the realm's whole (short) list keeps a gateway that applies deltas
// equal to one that reads the snapshot, logins revoked by a disable included.
import type { GatewayConfigChange } from "@/lib/config-channel/contract";
import { denialId } from "@/lib/config-channel/contract";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { gatewayDenials } from "./gateway-denials";
import { issuerOf } from "./issuer-url";

type Ended = { kind: "client" | "subject"; value: string };

/** Called after the change is committed; never fails the caller (the delivery guarantee retries with a snapshot). */
export async function publishRealmRevocation(reason: string, realmId: string, ended: readonly Ended[] = []): Promise<void> {
  const realm = await db().realm.findUnique({ where: { id: realmId }, select: { name: true } });
  if (!realm) return;
  const issuer = issuerOf(realm.name);
  const denials = await gatewayDenials(db(), new Date(), realmId);
  const current = new Set(denials.map(denialId));
  const changes: GatewayConfigChange[] = [
    ...denials.map((denial) => ({ kind: "denial.upserted" as const, denial })),
    ...ended
      .map((e) => ({ kind: e.kind, issuer, value: e.value }))
      .filter((d) => !current.has(denialId(d)))
      .map((denial) => ({ kind: "denial.removed" as const, denial })),
  ];
  if (changes.length > 0) await publishGatewayChange(reason, changes);
}
