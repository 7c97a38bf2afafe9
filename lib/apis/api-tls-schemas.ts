// TLS at the gateway for one API: mutual TLS against the API's CA bundle,
// redirect from plain HTTP, HSTS. The shapes are the contract's (api-tls.ts),
// so the management API accepts exactly what a gateway takes; stored together
// in Api.tlsSettings and sent to the gateways as the API's `tls`. The CA bundle
// is parsed with node:crypto before it is stored (assertApiTlsUsable), since the
// browser-safe schema can only check its shape.
import { z } from "zod";
// The schema module itself, not the console's contract seam (which adds node:crypto): browser forms validate with this.
import { apiHstsSchema, apiMtlsSchema, apiTlsSchema, type ApiTls, type RealmCaTrust } from "@portcullis/gateway/contract";

// realmCa is the console's to fill in (from trustRealmCa) when it builds a snapshot, never a user's.
export const mtlsSchema = apiMtlsSchema
  .omit({ realmCa: true })
  .strict()
  .refine((m) => m.caCertificates !== undefined || m.trustRealmCa !== undefined, { message: "set caCertificates, trustRealmCa or both", path: ["caCertificates"] })
  .meta({ id: "ApiMtls", description: "Mutual TLS: callers present a client certificate issued by one of these CAs, or by a realm's CA" });
export const hstsSchema = apiHstsSchema.strict().meta({ id: "ApiHsts", description: "Strict-Transport-Security on the API's HTTPS answers" });

/** The PATCH fields (and the response's): each optional; null turns mtls or hsts off. */
export const apiTlsInputFields = {
  mtls: mtlsSchema
    .nullable()
    .optional()
    .describe("Require (or check, with required: false) a client certificate verified against caCertificates and/or the CA of the realm trustRealmCa names (a certificate it issued maps to the realm client; revoked ones are refused); null turns it off. Missing: 401 client_certificate_required, untrusted, revoked or expired: 401 client_certificate_invalid"),
  httpsRedirect: z.boolean().optional().describe("Plain-HTTP requests get 308 to the same URL over https"),
  hsts: hstsSchema.nullable().optional().describe("Strict-Transport-Security sent on HTTPS answers; null: none"),
};

export const apiTlsResourceFields = {
  mtls: mtlsSchema.nullable().describe("Mutual TLS at the gateway; null: no client certificate asked"),
  httpsRedirect: z.boolean().describe("Plain-HTTP requests get 308 to https"),
  hsts: hstsSchema.nullable().describe("Strict-Transport-Security on HTTPS answers; null: none"),
};

export type ApiTlsResource = { mtls: z.infer<typeof mtlsSchema> | null; httpsRedirect: boolean; hsts: z.infer<typeof hstsSchema> | null };
type ApiTlsInput = { mtls?: ApiTlsResource["mtls"]; httpsRedirect?: boolean; hsts?: ApiTlsResource["hsts"] };

/** The stored column read back; it is only written after apiTlsSchema parsed it. */
export function readApiTls(stored: unknown): ApiTlsResource {
  const parsed = apiTlsSchema.safeParse(stored ?? {});
  const tls: ApiTls = parsed.success ? parsed.data : {};
  const mtls = tls.mtls
    ? { required: tls.mtls.required, ...(tls.mtls.caCertificates ? { caCertificates: tls.mtls.caCertificates } : {}), ...(tls.mtls.trustRealmCa ? { trustRealmCa: tls.mtls.trustRealmCa } : {}) }
    : null;
  return { mtls, httpsRedirect: tls.httpsRedirect ?? false, hsts: tls.hsts ?? null };
}

/** The column after a PATCH, or undefined when the PATCH does not touch TLS. */
export function nextApiTls(stored: unknown, input: ApiTlsInput): ApiTlsResource | undefined {
  if (input.mtls === undefined && input.httpsRedirect === undefined && input.hsts === undefined) return undefined;
  const before = readApiTls(stored);
  return {
    mtls: input.mtls !== undefined ? input.mtls : before.mtls,
    httpsRedirect: input.httpsRedirect ?? before.httpsRedirect,
    hsts: input.hsts !== undefined ? input.hsts : before.hsts,
  };
}

/**
 * What the gateways get: only the fields set, so an API without TLS settings sends nothing. A
 * trusted realm's CA (certificate and revoked serials) comes from `realmCas` (realm-ca.ts); a realm
 * without one (deleted since) sends none, and the gateway then trusts nothing from it.
 */
export function apiTlsForSnapshot(stored: unknown, realmCas: ReadonlyMap<string, RealmCaTrust> = new Map()): ApiTls | undefined {
  const tls = readApiTls(stored);
  const realmCa = tls.mtls?.trustRealmCa ? realmCas.get(tls.mtls.trustRealmCa) : undefined;
  const out: ApiTls = {
    ...(tls.mtls ? { mtls: { ...tls.mtls, ...(realmCa ? { realmCa } : {}) } } : {}),
    ...(tls.httpsRedirect ? { httpsRedirect: true } : {}),
    ...(tls.hsts ? { hsts: tls.hsts } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}
