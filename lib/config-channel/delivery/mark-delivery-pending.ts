// First step of every publish: the change is committed and acknowledged, so from now
// on it is owed to the gateways until a snapshot that includes it is stored in Redis.
import { db } from "@/lib/db";

/** Marks a change as owed to the gateways; the token this returns is what a later success must match to clear it. */
export type DeliveryToken = string;

/**
 * One statement, outside any snapshot transaction, so it is cheap and commits before
 * the build reads anything: a build that starts after it sees the change.
 *
 * `pendingSince` and `pendingReason` keep the oldest owed change (COALESCE).
 * `lastAttemptAt` is the mark's token: it strictly increases with every mark, even two
 * in the same millisecond (the column keeps milliseconds), so a success clears the mark
 * only if no change was marked after its attempt started (compare-and-clear).
 * Times are UTC because Prisma reads these `timestamp` columns as UTC.
 */
export async function markDeliveryPending(reason: string): Promise<DeliveryToken> {
  const rows = await db().$queryRaw<{ token: string }[]>`
    INSERT INTO "GatewayConfigDelivery" AS d (id, "pendingSince", "pendingReason", "lastAttemptAt")
    VALUES (1, clock_timestamp() AT TIME ZONE 'UTC', ${reason.slice(0, 500)}, clock_timestamp() AT TIME ZONE 'UTC')
    ON CONFLICT (id) DO UPDATE SET
      "pendingSince" = COALESCE(d."pendingSince", EXCLUDED."pendingSince"),
      "pendingReason" = CASE WHEN d."pendingSince" IS NULL THEN EXCLUDED."pendingReason" ELSE d."pendingReason" END,
      "lastAttemptAt" = GREATEST(date_trunc('milliseconds', EXCLUDED."lastAttemptAt"), d."lastAttemptAt" + interval '1 millisecond')
    RETURNING "lastAttemptAt"::text AS token`;
  const token = rows[0]?.token;
  if (!token) throw new Error("marking the gateway config delivery pending returned no row");
  return token;
}
