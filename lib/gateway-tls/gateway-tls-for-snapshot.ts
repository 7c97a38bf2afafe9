// The gateway certificate as the snapshot carries it: the key decrypted from
// its at-rest form and sealed again for the gateways, so Redis never holds it in clear.
import "server-only";
import type { GatewayTlsCertificate } from "@portcullis/gateway/contract";
import { sealForGateways } from "@/lib/config-channel/seal-for-gateways";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { DbTransaction } from "@/lib/db";
import { readStoredGatewayTls } from "./read-stored-gateway-tls";

export async function gatewayTlsForSnapshot(tx: Pick<DbTransaction, "workspaceSetting">): Promise<GatewayTlsCertificate | null> {
  const stored = await readStoredGatewayTls(tx);
  if (!stored) return null;
  return { certificate: stored.certificate, privateKey: sealForGateways(decryptSecret(stored.encryptedPrivateKey), "gateway-tls-key") };
}
