// An API's backends as the gateways get them: weighted URLs and the backend
// settings, with the TLS client key moved from the console's at-rest encryption
// (SECRETS_ENCRYPTION_KEY) to a seal only the gateways open (GATEWAY_SECRETS_KEY),
// so Redis never holds it in clear. Absent settings send nothing: gateway defaults.
import "server-only";
import type { BackendSettings } from "@portcullis/gateway/contract";
import { readStoredBackendSettings, weightedBackends } from "@/lib/apis/backends/stored-backend-settings";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { sealForGateways } from "./seal-for-gateways";

export function backendsForSnapshot(api: { backendUrls: string[]; backendSettings: unknown }): {
  backends: { url: string; weight: number }[];
  backendSettings?: BackendSettings;
} {
  const stored = readStoredBackendSettings(api.backendSettings);
  const { weights: _weights, tls, ...settings } = stored;
  const backends = weightedBackends(api.backendUrls, stored);
  const gatewayTls = tls && {
    ...(tls.caCertificates ? { caCertificates: tls.caCertificates } : {}),
    ...(tls.clientCertificate && tls.clientKeyCiphertext
      ? { clientCertificate: tls.clientCertificate, clientKey: sealForGateways(decryptSecret(tls.clientKeyCiphertext), "backend-client-key") }
      : {}),
  };
  const backendSettings: BackendSettings = { ...settings, ...(gatewayTls && Object.keys(gatewayTls).length > 0 ? { tls: gatewayTls } : {}) };
  return Object.keys(backendSettings).length > 0 ? { backends, backendSettings } : { backends };
}
