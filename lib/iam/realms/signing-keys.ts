// A realm's signing keys and their lifecycle, designed so no relying party ever meets an
// unknown kid: staged (published in the JWKS, not signing) -> active (signing) -> passive
// (published, verifying what it signed) -> deleted once everything it signed has expired.
// A realm always holds one active and one staged key, so rotation only promotes a key that
// has been published since the previous rotation, and stages its successor.
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import type { Realm, RealmKeyAlgorithm, RealmSigningKey } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { SigningKeyResource } from "./realm-key-schemas";
import { getRealmOrThrow } from "./get-realm-or-throw";

type KeyRow = Omit<RealmSigningKey, "privateKeyCiphertext">;

/** A new key pair, generated outside any transaction: RSA generation can take a second on a busy machine. */
export async function generateKeyMaterial(algorithm: RealmKeyAlgorithm) {
  const { publicKey, privateKey } = await generateKeyPair(algorithm, { extractable: true, ...(algorithm === "RS256" ? { modulusLength: 2048 } : {}) });
  const kid = randomUUID();
  return {
    kid,
    algorithm,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: "sig" },
    privateKeyCiphertext: encryptSecret(JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: algorithm })),
  };
}

export type KeyMaterial = Awaited<ReturnType<typeof generateKeyMaterial>>;

export function storeSigningKey(tx: DbTransaction, realmId: string, material: KeyMaterial, state: "STAGED" | "ACTIVE") {
  return tx.realmSigningKey.create({
    data: {
      id: material.kid,
      realmId,
      algorithm: material.algorithm,
      state,
      publicJwk: material.publicJwk,
      privateKeyCiphertext: material.privateKeyCiphertext,
      activatedAt: state === "ACTIVE" ? new Date() : null,
    },
  });
}

/** The longest a token signed now can stay valid: passive keys stay published at least this long. */
export async function longestTokenLifetimeSeconds(realm: Pick<Realm, "id" | "accessTokenLifetimeSeconds" | "refreshTokenLifetimeSeconds">, tx: Pick<DbTransaction, "realmClient"> = db()) {
  const overrides = await tx.realmClient.aggregate({
    where: { realmId: realm.id },
    _max: { accessTokenLifetimeSeconds: true, refreshTokenLifetimeSeconds: true },
  });
  return Math.max(
    realm.accessTokenLifetimeSeconds,
    realm.refreshTokenLifetimeSeconds,
    overrides._max.accessTokenLifetimeSeconds ?? 0,
    overrides._max.refreshTokenLifetimeSeconds ?? 0,
  );
}

export function toSigningKeyResource(key: KeyRow, keepSeconds: number): SigningKeyResource {
  return {
    kid: key.id,
    algorithm: key.algorithm,
    state: key.state.toLowerCase() as SigningKeyResource["state"],
    createdAt: key.createdAt.toISOString(),
    activatedAt: key.activatedAt?.toISOString() ?? null,
    retiredAt: key.retiredAt?.toISOString() ?? null,
    removableAfter: key.retiredAt ? new Date(key.retiredAt.getTime() + keepSeconds * 1000).toISOString() : null,
  };
}

const stateOrder = { ACTIVE: 0, STAGED: 1, PASSIVE: 2 } as const;

export async function listSigningKeys(realmName: string): Promise<SigningKeyResource[]> {
  const realm = await getRealmOrThrow(realmName);
  const keep = await longestTokenLifetimeSeconds(realm);
  const keys = await db().realmSigningKey.findMany({ where: { realmId: realm.id }, orderBy: { createdAt: "desc" } });
  return keys.sort((a, b) => stateOrder[a.state] - stateOrder[b.state]).map((k) => toSigningKeyResource(k, keep));
}

/**
 * staged -> active, active -> passive, and a new staged key. Serialised per realm (row lock),
 * so two rotations never leave two active keys. Also drops passive keys whose tokens expired.
 */
export async function rotateRealmKeys(
  realmName: string,
  actor: Actor,
  options: {
    algorithm?: RealmKeyAlgorithm;
    reason?: string;
    /** Scheduled runs: rotate only if the active key has signed since before this instant, checked under the lock so two consoles never rotate twice. */
    activeSince?: Date;
  } = {},
) {
  const material = await generateKeyMaterial(options.algorithm ?? (await getRealmOrThrow(realmName)).signingAlgorithm);
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    await tx.$queryRaw`SELECT id FROM "Realm" WHERE id = ${realm.id} FOR UPDATE`;
    const now = new Date();
    const keys = await tx.realmSigningKey.findMany({ where: { realmId: realm.id } });
    const active = keys.find((k) => k.state === "ACTIVE");
    if (options.activeSince && active?.activatedAt && active.activatedAt > options.activeSince) return null;
    const staged = keys.filter((k) => k.state === "STAGED").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    // A realm without a staged key (never expected) gets one now, signing only from the next rotation.
    if (!staged) throw new ApiError("conflict", "The realm has no staged key to activate; rotate again after one is staged");
    await tx.realmSigningKey.updateMany({ where: { realmId: realm.id, state: "ACTIVE" }, data: { state: "PASSIVE", retiredAt: now } });
    await tx.realmSigningKey.update({ where: { id: staged.id }, data: { state: "ACTIVE", activatedAt: now } });
    const next = await storeSigningKey(tx, realm.id, material, "STAGED");
    await pruneExpiredKeys(tx, realm, now);
    await recordAuditEvent(tx, actor, {
      action: "realm.keys_rotated",
      entityType: "realm",
      entityId: realm.id,
      after: { realm: realm.name, activated: staged.id, staged: next.id, reason: options.reason ?? "manual" },
    });
    return { activated: staged.id, staged: next.id };
  });
}

async function pruneExpiredKeys(tx: DbTransaction, realm: Realm, now: Date) {
  const keep = await longestTokenLifetimeSeconds(realm, tx);
  const before = new Date(now.getTime() - keep * 1000);
  await tx.realmSigningKey.deleteMany({ where: { realmId: realm.id, state: "PASSIVE", retiredAt: { lt: before } } });
}

/** Every published key (staged, active, passive): what /protocol/openid-connect/certs answers. */
export async function publishedJwks(realmId: string): Promise<{ keys: JWK[] }> {
  const keys = await db().realmSigningKey.findMany({ where: { realmId }, orderBy: { createdAt: "asc" } });
  return { keys: keys.map((k) => k.publicJwk as JWK) };
}

const privateKeys = new Map<string, CryptoKey>();

/** The key that signs now, decrypted once per process and kid. */
export async function activeSigningKey(realmId: string): Promise<{ kid: string; alg: RealmKeyAlgorithm; key: CryptoKey }> {
  const row = await db().realmSigningKey.findFirst({
    where: { realmId, state: "ACTIVE" },
    orderBy: { activatedAt: "desc" },
    omit: { privateKeyCiphertext: false },
  });
  if (!row) throw new Error(`realm ${realmId} has no active signing key`);
  let key = privateKeys.get(row.id);
  if (!key) {
    key = (await importJWK(JSON.parse(decryptSecret(row.privateKeyCiphertext)) as JWK, row.algorithm)) as CryptoKey;
    privateKeys.set(row.id, key);
  }
  return { kid: row.id, alg: row.algorithm, key };
}
