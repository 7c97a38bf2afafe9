// Seals a secret for the config snapshot under GATEWAY_SECRETS_KEY, the key the
// gateways hold (never the console's SECRETS_ENCRYPTION_KEY): Redis must not
// hold a private key in clear. Called while building a snapshot.
import "server-only";
import { sealSecret, secretsKeyFrom, type SealedSecretPurpose } from "@portcullis/gateway/contract/sealed-secret";
import { env } from "@/lib/env";

export function sealForGateways(plain: string, purpose: SealedSecretPurpose): string {
  return sealSecret(plain, secretsKeyFrom(env().GATEWAY_SECRETS_KEY), purpose);
}
