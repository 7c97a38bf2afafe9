// The scheduled half of key rotation: realms with a rotation interval whose active key has
// signed for that long get rotated (staged -> active, active -> passive, a new staged key).
import { systemActor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { startPeriodicTask } from "@/lib/jobs/start-periodic-task";
import { logger } from "@/lib/logger";
import { rotateRealmKeys } from "./signing-keys";

const scheduler = { ...systemActor, label: "scheduled key rotation" };

export async function runScheduledKeyRotations(now = new Date()): Promise<string[]> {
  const realms = await db().realm.findMany({
    where: { keyRotationIntervalSeconds: { not: null } },
    select: { name: true, keyRotationIntervalSeconds: true, keys: { where: { state: "ACTIVE" }, select: { activatedAt: true } } },
  });
  const rotated: string[] = [];
  for (const realm of realms) {
    const activatedAt = realm.keys[0]?.activatedAt;
    if (activatedAt && now.getTime() - activatedAt.getTime() < realm.keyRotationIntervalSeconds! * 1000) continue;
    try {
      const activeSince = new Date(now.getTime() - realm.keyRotationIntervalSeconds! * 1000);
      if (await rotateRealmKeys(realm.name, scheduler, { reason: "scheduled", activeSince })) rotated.push(realm.name);
    } catch (err) {
      // One realm's failure must not stop the others' rotations.
      logger().error({ realm: realm.name, err: err instanceof Error ? err.message : err }, "scheduled key rotation failed");
    }
  }
  return rotated;
}

/** What only matters until it expires: revoked jtis, codes, refresh families past their end. */
export async function pruneExpiredRealmTokens(now = new Date()) {
  await db().realmRevokedToken.deleteMany({ where: { expiresAt: { lt: now } } });
  await db().realmAuthorizationCode.deleteMany({ where: { expiresAt: { lt: now } } });
  await db().realmRefreshFamily.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** Started from instrumentation.ts, like the config delivery watchdog. */
export function startScheduledKeyRotation(): void {
  startPeriodicTask({
    name: "realm-key-rotation",
    intervalMs: 60_000,
    run: async () => {
      await runScheduledKeyRotations();
      await pruneExpiredRealmTokens();
    },
  });
}
