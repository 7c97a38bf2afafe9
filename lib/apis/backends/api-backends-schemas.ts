// An API's backends as the management API takes and shows them: weighted URLs,
// and how the gateway treats them (health check, passive ejection, retries,
// circuit breaker, timeouts, TLS). Each block is the contract's schema
// (gateway-worker/src/contract/backend-settings.ts), so the console accepts
// exactly what a gateway runs. Browser-safe: forms validate with these.
//
// Stored in Api.backendUrls (the URLs, in order) and Api.backendSettings (a JSON
// object: the settings, `weights` by URL when not 1, and the TLS client key
// encrypted with SECRETS_ENCRYPTION_KEY). The key is write-only: answers say
// only whether one is set.
import { z } from "zod";
import {
  backendTimeoutsSchema,
  circuitBreakerSchema,
  healthCheckSchema,
  passiveEjectionSchema,
  pemCertificatesSchema,
  retrySchema,
} from "@portcullis/gateway/contract";

const backendUrl = z
  .string()
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL")
  .describe("Backend base URL the gateway forwards to; the path below the API path is appended");

export const MAX_BACKENDS = 20;

export const backendInputSchema = z
  .object({
    url: backendUrl,
    weight: z.number().int().min(1).max(100).default(1).describe("Share of requests relative to the other backends"),
  })
  .strict()
  .meta({ id: "Backend" });

const PRIVATE_KEY_PEM = /^\s*-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END (?:[A-Z]+ )?PRIVATE KEY-----\s*$/;

export const backendTlsInputSchema = z
  .object({
    caCertificates: pemCertificatesSchema
      .nullable()
      .optional()
      .describe("PEM bundle that https backends must chain to, replacing the system CAs; null or absent: the system CAs"),
    clientCertificate: pemCertificatesSchema.nullable().optional().describe("Presented to backends that require mTLS; needs clientKey"),
    clientKey: z
      .string()
      .max(100_000)
      .regex(PRIVATE_KEY_PEM, "a PEM private key without a passphrase")
      .nullable()
      .optional()
      .describe("The client certificate's private key (write-only, stored encrypted, sealed for the gateways). Absent: keep the stored key; null: remove it"),
  })
  .strict()
  .meta({ id: "BackendTlsInput" });

export const backendSettingsInputSchema = z
  .object({
    healthCheck: healthCheckSchema.strict().nullable().optional().describe("Active health check; null or absent: none"),
    passiveEjection: passiveEjectionSchema
      .strict()
      .nullable()
      .optional()
      .describe("Eject a backend after connection failures in a row; absent: 5 failures, 30 s; null: never"),
    retry: retrySchema.strict().optional().describe("Retries of idempotent requests on connection failure; absent: 1"),
    circuitBreaker: circuitBreakerSchema.strict().nullable().optional().describe("Per-backend breaker on 5xx and response timeouts; null or absent: none"),
    timeouts: backendTimeoutsSchema.strict().optional(),
    tls: backendTlsInputSchema.optional(),
  })
  .strict()
  .meta({ id: "BackendSettingsInput", description: "Replaces the API's backend settings as a whole (except an absent tls.clientKey, which is kept)" });

export const backendSettingsResourceSchema = z
  .object({
    healthCheck: healthCheckSchema.nullable(),
    passiveEjection: passiveEjectionSchema.nullable().describe("In force: the default when none was set; null: off"),
    retry: retrySchema,
    circuitBreaker: circuitBreakerSchema.nullable(),
    timeouts: backendTimeoutsSchema.describe("Absent values: the gateway's BACKEND_TIMEOUT_MS"),
    tls: z.object({
      caCertificates: z.string().nullable(),
      clientCertificate: z.string().nullable(),
      clientKeySet: z.boolean().describe("A client key is stored (it is never shown)"),
    }),
  })
  .meta({ id: "BackendSettings" });

/** The PATCH fields; `backends` replaces backendUrls (which stays, with weight 1, for older clients). */
export const apiBackendsInputFields = {
  backends: z
    .array(backendInputSchema)
    .min(1)
    .max(MAX_BACKENDS)
    .refine((list) => new Set(list.map((b) => b.url)).size === list.length, "each backend URL once")
    .optional()
    .describe("Weighted backends; replaces backendUrls"),
  backendSettings: backendSettingsInputSchema.nullable().optional().describe("null: back to the defaults (and the client key removed)"),
};

export const apiBackendsResourceFields = {
  backends: z.array(z.object({ url: z.string(), weight: z.number().int() })).describe("Empty for developers"),
  backendSettings: backendSettingsResourceSchema.nullable().describe("null for developers: backends are internal"),
};

export type BackendInput = z.input<typeof backendInputSchema>;
export type BackendSettingsInput = z.infer<typeof backendSettingsInputSchema>;
export type BackendSettingsResource = z.infer<typeof backendSettingsResourceSchema>;
