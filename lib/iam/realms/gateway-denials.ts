// What the gateways must refuse although its signature is valid (issue #16, "revocation reaches
// the gateway"): access tokens revoked by RFC 7009 (by jti, until they expire), logins whose
// refresh family was revoked (by the `sid` their access tokens carry, until the last access token
// issued before the revocation expires), disabled clients (azp / client_id) and disabled users
// (sub), each for its realm's issuer. Read into every snapshot; expired entries are left out, so
// the list stays as small as the tokens still alive.
import type { DbTransaction } from "@/lib/db";
import type { GatewayDenial } from "@/lib/config-channel/contract";
import { issuerOf } from "./issuer-url";

/** The longest access-token lifetime a realm or client may set (realm-schemas.ts). */
const MAX_ACCESS_LIFETIME_MS = 86_400 * 1000;

/** `realmId`: one realm's only (a delta after a change in it); absent: every realm's (the snapshot). */
export async function gatewayDenials(
  tx: Pick<DbTransaction, "realmRevokedToken" | "realmRefreshFamily" | "realmClient" | "realmUser">,
  now: Date = new Date(),
  realmId?: string,
): Promise<GatewayDenial[]> {
  const realm = { select: { name: true } } as const;
  const inRealm = realmId === undefined ? {} : { realmId };
  const [tokens, families, clients, users] = await Promise.all([
    tx.realmRevokedToken.findMany({ where: { expiresAt: { gt: now }, ...inRealm }, include: { realm } }),
    tx.realmRefreshFamily.findMany({
      where: { revokedAt: { gt: new Date(now.getTime() - MAX_ACCESS_LIFETIME_MS) }, ...inRealm },
      select: {
        id: true,
        revokedAt: true,
        realm: { select: { name: true, accessTokenLifetimeSeconds: true } },
        client: { select: { accessTokenLifetimeSeconds: true } },
      },
    }),
    tx.realmClient.findMany({ where: { enabled: false, ...inRealm }, select: { clientId: true, realm } }),
    tx.realmUser.findMany({ where: { enabled: false, ...inRealm }, select: { id: true, realm } }),
  ]);
  const denials: GatewayDenial[] = [
    ...tokens.map((t) => ({ kind: "token" as const, issuer: issuerOf(t.realm.name), value: t.jti, expiresAt: t.expiresAt.toISOString() })),
    ...families.flatMap((f) => {
      const lifetimeMs = (f.client.accessTokenLifetimeSeconds ?? f.realm.accessTokenLifetimeSeconds) * 1000;
      const expiresAt = new Date(f.revokedAt!.getTime() + lifetimeMs);
      return expiresAt > now ? [{ kind: "session" as const, issuer: issuerOf(f.realm.name), value: f.id, expiresAt: expiresAt.toISOString() }] : [];
    }),
    ...clients.map((c) => ({ kind: "client" as const, issuer: issuerOf(c.realm.name), value: c.clientId, expiresAt: null })),
    ...users.map((u) => ({ kind: "subject" as const, issuer: issuerOf(u.realm.name), value: u.id, expiresAt: null })),
  ];
  // A stable order, so two snapshots of the same state are byte-identical.
  const key = (d: GatewayDenial) => `${d.kind} ${d.issuer} ${d.value}`;
  return denials.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
