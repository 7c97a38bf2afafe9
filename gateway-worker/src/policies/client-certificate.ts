// Mutual TLS per API: the HTTPS listener asks every client for a certificate
// (without refusing any handshake), and this policy decides per API, against the
// API's own CA bundle (compiled once per config). No certificate: 401
// client_certificate_required when the API requires one (also over plain HTTP,
// unless transport-security redirected it first). Untrusted, expired or not for
// client authentication: 401 client_certificate_invalid, saying which.
//
// A verified certificate becomes the caller's identity (ctx.clientCertificate,
// logged) and is forwarded to the backend in the RFC 9440 `Client-Cert` header.
// Client-sent Client-Cert/Client-Cert-Chain headers are dropped on every API, so
// a backend can trust the header's presence.
import { z } from "zod";
import { apiMtlsSchema } from "../contract/api-tls.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import { compileTrustBundle, verifyClientCertificate, type TrustBundle } from "../tls/trust-bundle.js";
import type { Policy } from "./policy.js";

const settingsSchema = apiMtlsSchema
  .nullable()
  .default(null)
  .transform((mtls, ctx): { required: boolean; bundle: TrustBundle } | null => {
    if (!mtls) return null;
    try {
      return { required: mtls.required, bundle: compileTrustBundle(mtls.caCertificates) };
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `the mTLS CA bundle cannot be read: ${(err as Error).message}` });
      return z.NEVER;
    }
  });
type ClientCertificateSettings = z.output<typeof settingsSchema>;

export const clientCertificatePolicy: Policy<ClientCertificateSettings> = {
  name: "client-certificate",
  priority: POLICY_PRIORITY["client-certificate"],
  schema: settingsSchema,
  settingsFor: (api) => api.tls?.mtls ?? null,
  handle(ctx, settings) {
    delete ctx.headers["client-cert"];
    delete ctx.headers["client-cert-chain"];
    if (!settings) return undefined;

    const presented = ctx.connection?.presentedCertificates() ?? null;
    if (!presented) return settings.required ? rejection("client_certificate_required") : undefined;

    const verdict = verifyClientCertificate(presented, settings.bundle, ctx.now);
    if (!verdict.valid) {
      return rejection("client_certificate_invalid", undefined, `The client certificate is not valid for this API: ${verdict.reason}.`);
    }
    ctx.clientCertificate = verdict.identity;
    // RFC 9440: the DER certificate as a structured-field byte sequence.
    ctx.headers["client-cert"] = `:${presented.leaf.raw.toString("base64")}:`;
    return undefined;
  },
};
