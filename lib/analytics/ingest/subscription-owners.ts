// Which developer owns a subscription, for the records that carry one: the gateway knows the
// subscription, not its owner. Cached per process (most batches repeat the same few
// subscriptions); the misses of a batch are read in one query. A minute's TTL bounds how long
// an ownership change takes to show; an unknown (deleted) subscription is cached as ownerless.
import { db } from "@/lib/db";

const TTL_MS = 60_000;
const MAX_ENTRIES = 100_000;

type Entry = { userId: string | null; expiresAt: number };
const cache = new Map<string, Entry>();

export type OwnerLookup = (subscriptionIds: string[]) => Promise<Map<string, string | null>>;

/** Reads owners from the Subscription table (Prisma), one query for all of them. */
export const ownersFromDatabase: OwnerLookup = async (subscriptionIds) => {
  const rows = await db().subscription.findMany({ where: { id: { in: subscriptionIds } }, select: { id: true, userId: true } });
  return new Map(rows.map((row) => [row.id, row.userId]));
};

/** The owner of each subscription id (null: none or unknown), from the cache or one lookup. */
export async function subscriptionOwners(
  subscriptionIds: Iterable<string>,
  lookup: OwnerLookup = ownersFromDatabase,
  now = Date.now(),
): Promise<Map<string, string | null>> {
  const owners = new Map<string, string | null>();
  const misses: string[] = [];
  for (const id of new Set(subscriptionIds)) {
    const entry = cache.get(id);
    // A hit stays where it is: the Map's order is the order of lookups, so the oldest go first
    // when it is full. Re-inserting each hit (least recently used order) cost two more Map
    // operations per subscription of every batch, for an order that matters only past
    // MAX_ENTRIES; entries expire within TTL_MS anyway.
    if (entry && entry.expiresAt > now) {
      owners.set(id, entry.userId);
    } else {
      misses.push(id);
    }
  }
  if (misses.length === 0) return owners;
  const found = await lookup(misses);
  for (const id of misses) {
    const userId = found.get(id) ?? null;
    owners.set(id, userId);
    cache.delete(id);
    cache.set(id, { userId, expiresAt: now + TTL_MS });
  }
  for (const id of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(id);
  }
  return owners;
}

/** Tests change ownership and must not wait a minute to see it. */
export function forgetSubscriptionOwners(): void {
  cache.clear();
}
