// Subscriptions as the gateways get them: only those whose keys can still be presented.
import type { Prisma, SubscriptionState } from "@/generated/prisma/client";
import type { DbTransaction } from "@/lib/db";

/** Subscriptions whose keys can still be presented; the gateway tells these apart (401 vs 403). */
const PRESENTABLE_STATES = ["SUBMITTED", "ACTIVE", "SUSPENDED", "EXPIRED"] as const satisfies readonly SubscriptionState[];

export const onGatewaySubscriptionWhere = { state: { in: [...PRESENTABLE_STATES] } } satisfies Prisma.SubscriptionWhereInput;

export function isOnGateway(state: SubscriptionState): boolean {
  return (PRESENTABLE_STATES as readonly SubscriptionState[]).includes(state);
}

type Row = {
  id: string;
  state: SubscriptionState;
  productId: string | null;
  apiId: string | null;
  primaryKeyHash: string;
  secondaryKeyHash: string;
  expiresAt: Date | null;
  /** The bound app's RealmClient row id, and (filled in below) its OAuth client id. */
  boundClientId: string | null;
  boundClient?: string;
};

/** Rows in any state (a delta needs the key hashes of one leaving the gateway too); the caller filters with isOnGateway. */
export async function readSubscriptionRows(tx: DbTransaction, where: Prisma.SubscriptionWhereInput): Promise<Row[]> {
  const rows: Row[] = await tx.subscription.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: { id: true, state: true, productId: true, apiId: true, expiresAt: true, primaryKeyHash: true, secondaryKeyHash: true, boundClientId: true },
  });
  // Few subscriptions are bound to an app: one small lookup of their client ids, not a join on every row.
  const bound = [...new Set(rows.flatMap((r) => (r.boundClientId ? [r.boundClientId] : [])))];
  if (bound.length === 0) return rows;
  const clients = await tx.realmClient.findMany({ where: { id: { in: bound } }, select: { id: true, clientId: true } });
  const clientIdOf = new Map(clients.map((c) => [c.id, c.clientId]));
  for (const row of rows) if (row.boundClientId) row.boundClient = clientIdOf.get(row.boundClientId);
  return rows;
}

export function toGatewaySubscription(s: Row) {
  return {
    id: s.id,
    state: s.state.toLowerCase(),
    productId: s.productId,
    apiId: s.apiId,
    // The gateways match keys by these hashes: the one reader of them.
    keyHashes: [s.primaryKeyHash, s.secondaryKeyHash],
    expiresAt: s.expiresAt?.toISOString() ?? null,
    ...(s.boundClient ? { boundClientId: s.boundClient } : {}),
  };
}

export async function buildGatewaySubscriptions(tx: DbTransaction, where: Prisma.SubscriptionWhereInput) {
  const rows = await readSubscriptionRows(tx, { AND: [where, onGatewaySubscriptionWhere] });
  return rows.map(toGatewaySubscription);
}
