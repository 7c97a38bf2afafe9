// The stored gateway certificate, or null; shared by the answers and the snapshot build.
import type { DbTransaction } from "@/lib/db";
import { GATEWAY_TLS_SETTING_KEY, storedGatewayTlsSchema, type StoredGatewayTls } from "./gateway-tls-schemas";

export async function readStoredGatewayTls(client: Pick<DbTransaction, "workspaceSetting">): Promise<StoredGatewayTls | null> {
  const row = await client.workspaceSetting.findUnique({ where: { key: GATEWAY_TLS_SETTING_KEY } });
  if (!row) return null;
  // Only ever written after validation; a corrupt row must fail loudly, not silently drop HTTPS.
  return storedGatewayTlsSchema.parse(row.value);
}
