// DELETE /api/v1/gateway-tls: the gateways go back to their own certificate
// files (GATEWAY_TLS_CERT_FILE); audited and published.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/iam/actor";
import { assertPlatformAdmin } from "@/lib/iam/ownership";
import { toGatewayTlsResource } from "./get-gateway-tls";
import { GATEWAY_TLS_SETTING_KEY, type GatewayTlsResource } from "./gateway-tls-schemas";
import { readStoredGatewayTls } from "./read-stored-gateway-tls";

export async function clearGatewayTls(actor: Actor): Promise<GatewayTlsResource> {
  assertPlatformAdmin(actor);
  const removed = await db().$transaction(async (tx) => {
    const before = toGatewayTlsResource(await readStoredGatewayTls(tx));
    if (!before.configured) return false;
    await tx.workspaceSetting.delete({ where: { key: GATEWAY_TLS_SETTING_KEY } });
    await recordAuditEvent(tx, actor, {
      action: "gateway_tls.removed",
      entityType: "gateway_tls",
      entityId: null,
      before: before.certificate && { fingerprint: before.certificate.fingerprint, subject: before.certificate.subject },
    });
    return true;
  });
  if (removed) await publishGatewayChange("gateway TLS certificate removed", [{ kind: "gatewayTls" }]);
  return toGatewayTlsResource(null);
}
