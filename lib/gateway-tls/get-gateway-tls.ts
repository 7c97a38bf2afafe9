// GET /api/v1/gateway-tls: the certificate the gateways present, never its key.
import { X509Certificate } from "node:crypto";
import { db, type DbTransaction } from "@/lib/db";
import { readCertificates, summarizeCertificate } from "@/lib/crypto/pem-certificates";
import type { GatewayTlsResource, StoredGatewayTls } from "./gateway-tls-schemas";
import { readStoredGatewayTls } from "./read-stored-gateway-tls";

export function toGatewayTlsResource(stored: StoredGatewayTls | null): GatewayTlsResource {
  if (!stored) return { configured: false, certificate: null, chain: [], certificatePem: null, updatedAt: null };
  // An expired certificate is still shown (with its dates): that is when an admin needs to see it.
  const [leaf, ...chain] = readCertificates(stored.certificate, "/certificate", 0).certificates as X509Certificate[];
  return {
    configured: true,
    certificate: leaf ? summarizeCertificate(leaf) : null,
    chain: chain.map(summarizeCertificate),
    certificatePem: stored.certificate,
    updatedAt: stored.updatedAt,
  };
}

export async function getGatewayTls(client: Pick<DbTransaction, "workspaceSetting"> = db()): Promise<GatewayTlsResource> {
  return toGatewayTlsResource(await readStoredGatewayTls(client));
}
