// PUT /api/v1/gateway-tls: platform admins set the certificate every gateway's
// HTTPS listener presents. Checked as a gateway will load it (readable, not
// expired, the key matching the certificate), stored with the key encrypted,
// audited (fingerprints, never the key), then published: gateways swap it in
// for new connections without dropping open ones.
import { createSecureContext } from "node:tls";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { assertNoCertificateProblems, readCertificates, readPrivateKey } from "@/lib/crypto/pem-certificates";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/iam/actor";
import { assertPlatformAdmin } from "@/lib/iam/ownership";
import { toGatewayTlsResource } from "./get-gateway-tls";
import { GATEWAY_TLS_SETTING_KEY, type GatewayTlsInput, type GatewayTlsResource, type StoredGatewayTls } from "./gateway-tls-schemas";
import { readStoredGatewayTls } from "./read-stored-gateway-tls";

function assertUsable(input: GatewayTlsInput): void {
  const { certificates, problems } = readCertificates(input.certificate, "/certificate");
  const { key, problems: keyProblems } = readPrivateKey(input.privateKey, "/privateKey");
  problems.push(...keyProblems);
  const [leaf] = certificates;
  if (leaf && key && !leaf.checkPrivateKey(key)) problems.push({ pointer: "/privateKey", message: "does not belong to the certificate (the bundle's first)" });
  if (leaf?.ca) problems.push({ pointer: "/certificate", message: "the first certificate is a CA; put the server certificate first, then its intermediates" });
  assertNoCertificateProblems(problems);
  try {
    createSecureContext({ cert: input.certificate, key: input.privateKey, minVersion: "TLSv1.2" });
  } catch (err) {
    assertNoCertificateProblems([{ pointer: "/certificate", message: `cannot be used for TLS: ${(err as Error).message}` }]);
  }
}

export async function setGatewayTls(input: GatewayTlsInput, actor: Actor): Promise<GatewayTlsResource> {
  assertPlatformAdmin(actor);
  assertUsable(input);
  const resource = await db().$transaction(async (tx) => {
    const before = toGatewayTlsResource(await readStoredGatewayTls(tx));
    const stored: StoredGatewayTls = {
      certificate: input.certificate,
      encryptedPrivateKey: encryptSecret(input.privateKey),
      updatedAt: new Date().toISOString(),
    };
    const value = stored as unknown as Prisma.InputJsonValue;
    await tx.workspaceSetting.upsert({ where: { key: GATEWAY_TLS_SETTING_KEY }, create: { key: GATEWAY_TLS_SETTING_KEY, value }, update: { value } });
    const after = toGatewayTlsResource(stored);
    await recordAuditEvent(tx, actor, {
      action: "gateway_tls.updated",
      entityType: "gateway_tls",
      entityId: null,
      before: before.certificate && { fingerprint: before.certificate.fingerprint, subject: before.certificate.subject },
      after: after.certificate && { fingerprint: after.certificate.fingerprint, subject: after.certificate.subject, notAfter: after.certificate.notAfter },
    });
    return after;
  });
  await publishGatewayChange("gateway TLS certificate set", [{ kind: "gatewayTls" }]);
  return resource;
}
