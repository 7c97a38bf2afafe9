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
};

/** Rows in any state (a delta needs the key hashes of one leaving the gateway too); the caller filters with isOnGateway. */
export function readSubscriptionRows(tx: DbTransaction, where: Prisma.SubscriptionWhereInput): Promise<Row[]> {
  return tx.subscription.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: { id: true, state: true, productId: true, apiId: true, expiresAt: true, primaryKeyHash: true, secondaryKeyHash: true },
  });
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
  };
}

export async function buildGatewaySubscriptions(tx: DbTransaction, where: Prisma.SubscriptionWhereInput) {
  const rows = await readSubscriptionRows(tx, { AND: [where, onGatewaySubscriptionWhere] });
  return rows.map(toGatewaySubscription);
}
