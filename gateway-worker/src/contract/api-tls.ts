// TLS at the gateway, per API and for the gateway as a whole. Structural checks
// only, so the console's browser forms can use these schemas too; the console
// parses every certificate with node:crypto before it stores one, and the gateway
// compiles them when a snapshot arrives.
import { z } from "zod";
import { pemCertificatesSchema } from "./backend-settings.ts";
import { sealedSecretSchema } from "./sealed-secret-format.ts";

/** Two years: the longest HSTS max-age browsers' preload lists ask for. */
export const MAX_HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;

/**
 * A realm's certificate authority as the console ships it with an API that trusts it: the CA
 * certificate and the serials (lowercase hex) it revoked that have not expired yet.
 */
export const realmCaTrustSchema = z.object({
  realm: z.string().min(1).max(100),
  certificate: pemCertificatesSchema,
  revokedSerials: z.array(z.string().regex(/^[0-9a-f]{1,64}$/)).max(100_000),
});

/**
 * Mutual TLS: the caller proves who it is with a certificate issued by one of these CAs, or by
 * the named realm's CA (then mapped to that realm's client). At least one of the two is set;
 * the gateway refuses both absent. `realmCa` is filled in by the console, never sent by users.
 */
export const apiMtlsSchema = z.object({
  required: z
    .boolean()
    .describe("true: a request without a valid client certificate is refused (401). false: one is checked if presented"),
  caCertificates: pemCertificatesSchema.optional().describe("PEM bundle of the CA certificates client certificates must chain to"),
  trustRealmCa: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/)
    .optional()
    .describe("Also accept the client certificates this realm's CA issued (and not revoked); the certificate's CN is the realm client"),
  realmCa: realmCaTrustSchema.optional(),
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
export type RealmCaTrust = z.infer<typeof realmCaTrustSchema>;
export type ApiHsts = z.infer<typeof apiHstsSchema>;
export type GatewayTlsCertificate = z.infer<typeof gatewayTlsCertificateSchema>;
