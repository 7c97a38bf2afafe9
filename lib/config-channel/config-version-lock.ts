// One version sequence for snapshots and deltas (GatewayConfigRevision.version), allocated under
// one advisory lock: whatever is read after taking it is newer than what any lower version read,
// so a gateway applying versions in order never applies older data over newer.
import type { DbTransaction } from "@/lib/db";

/** Serialises version allocation so a higher version never reflects older data. */
const CONFIG_VERSION_LOCK_ID = 7_270_001;

export async function lockConfigVersions(tx: DbTransaction): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CONFIG_VERSION_LOCK_ID})`);
}

/**
 * Under the lock: MAX + 1, not the serial's nextval, because a rolled-back transaction would
 * burn a sequence value and leave a hole no delta fills (gateways would wait for it). The serial
 * is moved along so a plain insert still works. `floor`: the newest version Redis holds; a
 * database restored or reset behind a live Redis continues after it (gateways ignore old versions).
 * `previous`: the newest version the database held, so a caller can tell it was behind Redis.
 */
export async function allocateConfigVersion(
  tx: DbTransaction,
  revision: { reason: string; checksum: string; floor: number },
): Promise<{ version: number; previous: number }> {
  const [row] = await tx.$queryRaw<{ version: number; previous: number }[]>`
    WITH prev AS (SELECT COALESCE(MAX(version), 0) AS v FROM "GatewayConfigRevision")
    INSERT INTO "GatewayConfigRevision" (version, reason, checksum)
    SELECT setval(pg_get_serial_sequence('"GatewayConfigRevision"', 'version'), GREATEST(prev.v, ${revision.floor}::int) + 1),
           ${revision.reason.slice(0, 500)}, ${revision.checksum}
    FROM prev
    RETURNING version, (SELECT v FROM prev) AS previous`;
  if (!row) throw new Error("allocating a gateway config version returned no row");
  return { version: Number(row.version), previous: Number(row.previous) };
}

/** The newest version committed (0: none): what a compacted snapshot is labelled with. */
export async function newestConfigVersion(tx: DbTransaction): Promise<number> {
  const latest = await tx.gatewayConfigRevision.aggregate({ _max: { version: true } });
  return latest._max.version ?? 0;
}
