// Reads the backends form into the PATCH body the route's schema checks. Empty
// number fields are left out (the gateway's default applies); anything typed is
// sent as typed, so the schema, not this file, says what is wrong with it.
import type { UpdateApiRequest } from "@/lib/client/api-types";
import { formChecked, formText, formTexts } from "@/components/form-data";

const numberOrUndefined = (text: string) => (text === "" ? undefined : Number(text));

/** Only the fields filled in, as numbers. */
function numbers<K extends string>(form: HTMLFormElement, prefix: string, names: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const name of names) {
    const value = numberOrUndefined(formText(form, `${prefix}.${name}`));
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const statusList = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

export function readBackendsForm(form: HTMLFormElement): UpdateApiRequest {
  const urls = formTexts(form, "backendUrl").map((u) => u.trim());
  const weights = formTexts(form, "backendWeight");
  const backends = urls.map((url, i) => ({ url, weight: numberOrUndefined(weights[i]?.trim() ?? "") ?? 1 })).filter((b) => b.url !== "");

  const expected = statusList(formText(form, "healthCheck.expectedStatuses"));
  const healthCheck = formChecked(form, "healthCheck.enabled")
    ? {
        path: formText(form, "healthCheck.path"),
        ...numbers(form, "healthCheck", ["intervalSeconds", "timeoutMs", "healthyThreshold", "unhealthyThreshold"] as const),
        ...(expected.length > 0 ? { expectedStatuses: expected } : {}),
      }
    : null;
  const passiveEjection = formChecked(form, "passiveEjection.enabled")
    ? numbers(form, "passiveEjection", ["consecutiveFailures", "ejectSeconds"] as const)
    : null;
  const circuitBreaker = formChecked(form, "circuitBreaker.enabled")
    ? numbers(form, "circuitBreaker", ["failureThreshold", "openSeconds", "halfOpenRequests"] as const)
    : null;

  const removeClientCertificate = formChecked(form, "tls.removeClient");
  const caCertificates = formText(form, "tls.caCertificates");
  const clientCertificate = formText(form, "tls.clientCertificate");
  const clientKey = formText(form, "tls.clientKey");
  const tls = {
    ...(caCertificates ? { caCertificates } : {}),
    ...(clientCertificate && !removeClientCertificate ? { clientCertificate } : {}),
    // Empty: keep the stored key (it is never shown); removing the certificate removes it too.
    ...(removeClientCertificate ? { clientKey: null } : clientKey ? { clientKey } : {}),
  };

  return {
    backends,
    backendSettings: {
      healthCheck,
      passiveEjection,
      retry: numbers(form, "retry", ["maxRetries"] as const),
      circuitBreaker,
      timeouts: numbers(form, "timeouts", ["connectMs", "responseMs"] as const),
      tls,
    },
  };
}
