// TLS at the gateway, per API and for the gateway as a whole. Structural checks
// only, so the console's browser forms can use these schemas too; the console
// parses every certificate with node:crypto before it stores one, and the gateway
// compiles them when a snapshot arrives.
import { z } from "zod";
import { pemCertificatesSchema } from "./backend-settings.ts";
import { sealedSecretSchema } from "./sealed-secret-format.ts";

/** Two years: the longest HSTS max-age browsers' preload lists ask for. */
export const MAX_HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;

/** Mutual TLS: the caller proves who it is with a certificate issued by one of these CAs. */
export const apiMtlsSchema = z.object({
  required: z
    .boolean()
    .describe("true: a request without a valid client certificate is refused (401). false: one is checked if presented"),
  caCertificates: pemCertificatesSchema.describe("PEM bundle of the CA certificates client certificates must chain to"),
});

/** Strict-Transport-Security (RFC 6797), sent on this API's HTTPS answers only. */
export const apiHstsSchema = z.object({
  maxAgeSeconds: z.number().int().min(0).max(MAX_HSTS_MAX_AGE_SECONDS).describe("max-age; 0 tells browsers to forget the rule"),
  includeSubDomains: z.boolean().default(false),
});

export const apiTlsSchema = z.object({
  /** null or absent: no client certificate is asked of callers of this API. */
  mtls: apiMtlsSchema.nullable().optional(),
  /** Plain-HTTP requests get 308 to the same URL over https. */
  httpsRedirect: z.boolean().optional(),
  hsts: apiHstsSchema.nullable().optional(),
});

/**
 * The certificate the gateway's HTTPS listener presents, set in the console. It replaces
 * the one from GATEWAY_TLS_CERT_FILE/KEY_FILE while set; the key travels sealed.
 */
export const gatewayTlsCertificateSchema = z.object({
  /** Leaf first, then its intermediates. */
  certificate: pemCertificatesSchema,
  privateKey: sealedSecretSchema,
});

export type ApiTls = z.infer<typeof apiTlsSchema>;
export type ApiMtls = z.infer<typeof apiMtlsSchema>;
export type ApiHsts = z.infer<typeof apiHstsSchema>;
export type GatewayTlsCertificate = z.infer<typeof gatewayTlsCertificateSchema>;
