// What a PATCH makes of an API's backends: the URL list (from `backends`, or
// `backendUrls` for older clients, keeping the weights of URLs that stay) and
// the settings column. Certificates are read with node:crypto as the gateway
// will, and a client key must match its certificate, before anything is stored:
// a bundle no gateway can load would only fail later, on traffic.
import "server-only";
import { X509Certificate } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { assertNoCertificateProblems, readCertificates, readPrivateKey, type CertificateProblem } from "@/lib/crypto/pem-certificates";
import { ApiError } from "@/lib/http/errors";
import type { BackendSettingsInput } from "./api-backends-schemas";
import { readStoredBackendSettings, weightedBackends, type StoredBackendSettings } from "./stored-backend-settings";

interface BackendsPatch {
  backendUrls?: string[];
  backends?: { url: string; weight: number }[];
  backendSettings?: BackendSettingsInput | null;
}

const invalid = (path: string, message: string) => new ApiError("validation_failed", `${path}: ${message}`, { issues: [{ path, message }] });

/** The new backendUrls and backendSettings columns, or undefined when the PATCH leaves backends alone. */
export function nextApiBackends(
  row: { backendUrls: string[]; backendSettings: unknown },
  input: BackendsPatch,
): { backendUrls: string[]; backendSettings: StoredBackendSettings } | undefined {
  if (input.backends === undefined && input.backendUrls === undefined && input.backendSettings === undefined) return undefined;
  if (input.backends !== undefined && input.backendUrls !== undefined) throw invalid("backends", "send backends or backendUrls, not both");
  const before = readStoredBackendSettings(row.backendSettings);
  const list =
    input.backends ??
    (input.backendUrls ? weightedBackends([...new Set(input.backendUrls)], before) : weightedBackends(row.backendUrls, before));

  const { weights: _previousWeights, ...keptSettings } = before;
  const settings = input.backendSettings === undefined ? keptSettings : input.backendSettings === null ? {} : fromInput(input.backendSettings, before);
  const weights = Object.fromEntries(list.filter((b) => b.weight !== 1).map((b) => [b.url, b.weight]));
  return {
    backendUrls: list.map((b) => b.url),
    backendSettings: { ...(Object.keys(weights).length > 0 ? { weights } : {}), ...settings },
  };
}

function fromInput(input: BackendSettingsInput, before: StoredBackendSettings): Omit<StoredBackendSettings, "weights"> {
  const { tls: tlsInput, ...rest } = input;
  const tls = tlsInput ? nextTls(tlsInput, before.tls) : undefined;
  return { ...rest, ...(tls && Object.keys(tls).length > 0 ? { tls } : {}) };
}

function nextTls(input: NonNullable<BackendSettingsInput["tls"]>, before: StoredBackendSettings["tls"]): NonNullable<StoredBackendSettings["tls"]> {
  const problems: CertificateProblem[] = [];
  if (input.caCertificates) problems.push(...readCertificates(input.caCertificates, "/backendSettings/tls/caCertificates").problems);
  const clientCertificate = input.clientCertificate ?? undefined;
  // Absent: keep the stored key (forms never see it); null: remove it.
  const keyPem =
    input.clientKey === null ? undefined : input.clientKey ?? (before?.clientKeyCiphertext ? decryptSecret(before.clientKeyCiphertext) : undefined);
  if (clientCertificate === undefined && input.clientKey) throw invalid("backendSettings.tls.clientKey", "a client key needs its clientCertificate");
  if (clientCertificate !== undefined) {
    if (keyPem === undefined) throw invalid("backendSettings.tls.clientKey", "required with clientCertificate");
    const read = readCertificates(clientCertificate, "/backendSettings/tls/clientCertificate");
    const key = readPrivateKey(keyPem, "/backendSettings/tls/clientKey");
    problems.push(...read.problems, ...key.problems);
    const [leaf] = read.certificates;
    if (leaf && key.key && !matches(leaf, key.key)) {
      problems.push({ pointer: "/backendSettings/tls/clientKey", message: "does not belong to the client certificate" });
    }
  }
  assertNoCertificateProblems(problems);
  return {
    ...(input.caCertificates ? { caCertificates: input.caCertificates } : {}),
    ...(clientCertificate !== undefined && keyPem !== undefined ? { clientCertificate, clientKeyCiphertext: encryptSecret(keyPem) } : {}),
  };
}

function matches(cert: X509Certificate, key: Parameters<X509Certificate["checkPrivateKey"]>[0]): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false;
  }
}
