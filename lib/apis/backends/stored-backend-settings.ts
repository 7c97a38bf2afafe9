// The Api.backendSettings column: what the PATCH stored (settings, weights by
// URL, the client key encrypted at rest), and how the API resource reads it.
// Nothing here decrypts: answers only say whether a key is set.
import { z } from "zod";
import {
  backendTimeoutsSchema,
  circuitBreakerSchema,
  DEFAULT_PASSIVE_EJECTION,
  DEFAULT_RETRY,
  healthCheckSchema,
  passiveEjectionSchema,
  retrySchema,
} from "@portcullis/gateway/contract";
import type { BackendSettingsResource } from "./api-backends-schemas";

export const storedBackendSettingsSchema = z.object({
  /** Only weights other than 1, keyed by URL, so a URL list changed alone keeps the weights of the URLs it keeps. */
  weights: z.record(z.string(), z.number().int().min(1)).optional(),
  healthCheck: healthCheckSchema.nullable().optional(),
  passiveEjection: passiveEjectionSchema.nullable().optional(),
  retry: retrySchema.optional(),
  circuitBreaker: circuitBreakerSchema.nullable().optional(),
  timeouts: backendTimeoutsSchema.optional(),
  tls: z
    .object({
      caCertificates: z.string().optional(),
      clientCertificate: z.string().optional(),
      /** encryptSecret (lib/crypto/secret-box.ts) of the PEM key. */
      clientKeyCiphertext: z.string().optional(),
    })
    .optional(),
});

export type StoredBackendSettings = z.infer<typeof storedBackendSettingsSchema>;

/** The column is only written after this schema parsed it; anything else reads as "defaults". */
export function readStoredBackendSettings(json: unknown): StoredBackendSettings {
  const parsed = storedBackendSettingsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : {};
}

export function weightedBackends(backendUrls: readonly string[], stored: StoredBackendSettings) {
  return backendUrls.map((url) => ({ url, weight: stored.weights?.[url] ?? 1 }));
}

export function readApiBackends(api: { backendUrls: string[]; backendSettings: unknown }): {
  backends: { url: string; weight: number }[];
  backendSettings: BackendSettingsResource;
} {
  const stored = readStoredBackendSettings(api.backendSettings);
  return {
    backends: weightedBackends(api.backendUrls, stored),
    backendSettings: {
      healthCheck: stored.healthCheck ?? null,
      passiveEjection: stored.passiveEjection === undefined ? DEFAULT_PASSIVE_EJECTION : stored.passiveEjection,
      retry: stored.retry ?? DEFAULT_RETRY,
      circuitBreaker: stored.circuitBreaker ?? null,
      timeouts: stored.timeouts ?? {},
      tls: {
        caCertificates: stored.tls?.caCertificates ?? null,
        clientCertificate: stored.tls?.clientCertificate ?? null,
        clientKeySet: stored.tls?.clientKeyCiphertext !== undefined,
      },
    },
  };
}
