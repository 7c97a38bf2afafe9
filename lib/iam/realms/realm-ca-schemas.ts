// A realm as a small certificate authority: request and response shapes. A client asks for a
// short-lived certificate with a CSR (PKCS#10, PEM) or a bare public key (SPKI, PEM); the CA
// certificate and the serials it revoked are what gateways trust (API mtls.trustRealmCa).
import { z } from "zod";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";

export const DEFAULT_CERTIFICATE_VALIDITY_SECONDS = 24 * 3600;
export const MAX_CERTIFICATE_VALIDITY_SECONDS = 30 * 24 * 3600;

const pem = (label: string) =>
  z
    .string()
    .max(20_000)
    .regex(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`), `a PEM block (-----BEGIN ${label}-----)`);

export const issueCertificateInputSchema = z
  .object({
    csr: pem("CERTIFICATE REQUEST").optional().describe("PKCS#10 request (PEM) signed by the client's key; its subject is ignored (the certificate's is CN=clientId)"),
    publicKey: pem("PUBLIC KEY").optional().describe("Or the client's public key (SPKI, PEM): RSA (2048 bits or more) or EC P-256/P-384"),
    validitySeconds: z
      .number()
      .int()
      .min(300)
      .max(MAX_CERTIFICATE_VALIDITY_SECONDS)
      .optional()
      .describe(`How long the certificate is valid (default ${DEFAULT_CERTIFICATE_VALIDITY_SECONDS} s: short-lived, rotate before expiry)`),
  })
  .strict()
  .refine((v) => (v.csr === undefined) !== (v.publicKey === undefined), "send exactly one of csr or publicKey");
export type IssueCertificateInput = z.infer<typeof issueCertificateInputSchema>;

export const certificateStatuses = ["valid", "expired", "revoked"] as const;

export const clientCertificateResourceSchema = z
  .object({
    serialNumber: z.string().describe("Hex, lowercase"),
    clientId: z.string(),
    subject: z.string(),
    sans: z.array(z.string()).describe("URI: the realm's issuer + /clients/{clientId}"),
    fingerprint: z.string().describe("SHA-256 of the DER certificate"),
    notBefore: z.string(),
    notAfter: z.string(),
    revokedAt: z.string().nullable(),
    status: z.enum(certificateStatuses),
    certificate: z.string().describe("PEM"),
    createdAt: z.string(),
  })
  .meta({ id: "RealmClientCertificate" });
export type ClientCertificateResource = z.infer<typeof clientCertificateResourceSchema>;

export const issuedCertificateSchema = clientCertificateResourceSchema
  .extend({ caCertificate: z.string().describe("The realm CA's certificate (PEM), to build the chain") })
  .meta({ id: "IssuedRealmClientCertificate" });

export const listCertificatesQuerySchema = z.object({ ...pageQueryFields });
export type ListCertificatesQuery = z.infer<typeof listCertificatesQuerySchema>;
export const clientCertificatePageSchema = pageOf(clientCertificateResourceSchema, "RealmClientCertificatePage", "Newest first");

export const realmCaResourceSchema = z
  .object({
    certificate: z.string().describe("The CA certificate (PEM, self-signed)"),
    subject: z.string(),
    fingerprint: z.string(),
    notAfter: z.string(),
    revoked: z
      .array(z.object({ serialNumber: z.string(), revokedAt: z.string(), notAfter: z.string() }))
      .describe("Revoked certificates not yet expired (the revocation list; also published as a signed CRL)"),
    crlUri: z.string().describe("Public DER CRL (RFC 5280), signed by the CA"),
  })
  .meta({ id: "RealmCertificateAuthority" });
export type RealmCaResource = z.infer<typeof realmCaResourceSchema>;
