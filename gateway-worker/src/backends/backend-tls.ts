// The https agent an API's backends are reached with: the system CAs or the
// API's own bundle, and its client certificate for backends that require mTLS.
// The client key arrives sealed (contract/sealed-secret.ts) and is opened only
// here, in memory; it is never logged or written anywhere.
import { createHash } from "node:crypto";
import https from "node:https";
import { createSecureContext } from "node:tls";
import type { BackendTls } from "../contract/backend-settings.js";
import { openSecret } from "../contract/sealed-secret.js";
import { KEEP_ALIVE } from "./keep-alive.js";

export type TlsAgentResult = { agent: https.Agent } | { problem: string };

/** Same settings, same agent: lets a config swap keep its warm connections. */
export function tlsFingerprint(tls: BackendTls): string {
  return createHash("sha256").update(JSON.stringify([tls.caCertificates, tls.clientCertificate, tls.clientKey])).digest("hex");
}

export function createTlsAgent(tls: BackendTls, secretsKey: Buffer | undefined): TlsAgentResult {
  let key: string | undefined;
  if (tls.clientKey !== undefined) {
    if (!secretsKey) return { problem: "the API has a backend client key but GATEWAY_SECRETS_KEY is not set" };
    try {
      key = openSecret(tls.clientKey, secretsKey, "backend-client-key");
    } catch (err) {
      return { problem: `the backend client key cannot be opened: ${(err as Error).message}` };
    }
  }
  const options = {
    // A configured bundle replaces the system CAs for this API: trusting exactly what the admin set.
    ...(tls.caCertificates !== undefined ? { ca: tls.caCertificates } : {}),
    ...(tls.clientCertificate !== undefined ? { cert: tls.clientCertificate, key } : {}),
  };
  try {
    // Agents parse certificates at the first connection; a secure context now reports a bad one (or a key that does not match) at compile.
    createSecureContext(options);
    return { agent: new https.Agent({ ...KEEP_ALIVE, ...options }) };
  } catch (err) {
    return { problem: `the backend TLS settings are unusable: ${(err as Error).message}` };
  }
}
