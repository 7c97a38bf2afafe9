// Parses an API's mTLS CA bundle as the gateway will (node:crypto), before it is
// stored: a bundle a gateway cannot load would stop every later snapshot.
import "server-only";
import { assertNoCertificateProblems, readCertificates } from "@/lib/crypto/pem-certificates";
import type { ApiTlsResource } from "./api-tls-schemas";

export function assertApiTlsUsable(tls: ApiTlsResource | undefined): void {
  if (!tls?.mtls) return;
  // Expired CAs are refused too: no certificate they issued could pass.
  if (tls.mtls.caCertificates) assertNoCertificateProblems(readCertificates(tls.mtls.caCertificates, "/mtls/caCertificates").problems);
}
