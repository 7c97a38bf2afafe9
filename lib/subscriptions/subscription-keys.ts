// Subscription keys: random, shown to their owner, stored only hashed + encrypted.
import { hashSubscriptionKey } from "@/lib/config-channel/contract";
import { decryptSecret, encryptSecret, generateSecret } from "@/lib/crypto/secret-box";
import type { SubscriptionKeys } from "./subscription-schemas";

export type KeySlot = "primary" | "secondary";

export function newSubscriptionKey() {
  const key = generateSecret(16);
  return { key, hash: hashSubscriptionKey(key), encrypted: encryptSecret(key) };
}

export function newKeyColumns() {
  const primary = newSubscriptionKey();
  const secondary = newSubscriptionKey();
  return {
    plain: { primaryKey: primary.key, secondaryKey: secondary.key },
    columns: {
      primaryKeyHash: primary.hash,
      primaryKeyEncrypted: primary.encrypted,
      secondaryKeyHash: secondary.hash,
      secondaryKeyEncrypted: secondary.encrypted,
    },
  };
}

/** `omit` for a query whose row goes to revealKeys: db() leaves the encrypted keys out otherwise. */
export const withEncryptedKeys = { primaryKeyEncrypted: false, secondaryKeyEncrypted: false } as const;

export function revealKeys(s: { primaryKeyEncrypted: string; secondaryKeyEncrypted: string }): SubscriptionKeys {
  return { primaryKey: decryptSecret(s.primaryKeyEncrypted), secondaryKey: decryptSecret(s.secondaryKeyEncrypted) };
}
