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
//
// An API may also trust a realm's CA (mtls.realmCa, from trustRealmCa): a certificate it
// issued and has not revoked maps to the realm client named by its CN, exposed to later
// policies (ctx.clientCertificate.realmClient) and forwarded as Portcullis-Client-Realm and
// Portcullis-Client-Id (client-sent ones dropped on such APIs).
import { z } from "zod";
import { apiMtlsSchema } from "../contract/api-tls.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import { compileTrustBundle, UNTRUSTED, verifyClientCertificate, type TrustBundle, type Verdict } from "../tls/trust-bundle.js";
import type { Policy } from "./policy.js";

const settingsSchema = apiMtlsSchema
  .nullable()
  .default(null)
  .transform((mtls, ctx): { required: boolean; bundle: TrustBundle | null; realm: RealmTrust | null } | null => {
    if (!mtls) return null;
    try {
      return {
        required: mtls.required,
        bundle: mtls.caCertificates ? compileTrustBundle(mtls.caCertificates) : null,
        // trustRealmCa without realmCa: the realm (or its CA) is gone, so nothing of it is trusted.
        realm: mtls.realmCa
          ? { name: mtls.realmCa.realm, bundle: compileTrustBundle(mtls.realmCa.certificate), revoked: new Set(mtls.realmCa.revokedSerials.map(normalSerial)) }
          : null,
      };
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `the mTLS CA bundle cannot be read: ${(err as Error).message}` });
      return z.NEVER;
    }
  });
type ClientCertificateSettings = z.output<typeof settingsSchema>;
type RealmTrust = { name: string; bundle: TrustBundle; revoked: ReadonlySet<string> };

/** Hex serials compare without case or leading zeros (node:crypto answers upper case). */
const normalSerial = (serial: string) => serial.toLowerCase().replace(/^0+(?=.)/, "");

const REALM_HEADER = "portcullis-client-realm";
const CLIENT_ID_HEADER = "portcullis-client-id";
const CN = /^CN=([^,\n]+)$/m;

export const clientCertificatePolicy: Policy<ClientCertificateSettings> = {
  name: "client-certificate",
  priority: POLICY_PRIORITY["client-certificate"],
  schema: settingsSchema,
  settingsFor: (api) => api.tls?.mtls ?? null,
  handle(ctx, settings) {
    delete ctx.headers["client-cert"];
    delete ctx.headers["client-cert-chain"];
    if (!settings) return undefined;
    if (settings.realm) {
      delete ctx.headers[REALM_HEADER];
      delete ctx.headers[CLIENT_ID_HEADER];
    }

    const presented = ctx.connection?.presentedCertificates() ?? null;
    if (!presented) return settings.required ? rejection("client_certificate_required") : undefined;

    // The realm's CA first, so a certificate it issued always meets its revocation list, even if
    // the API's own bundle happens to hold the same CA.
    let verdict: Verdict | undefined;
    if (settings.realm) {
      const byRealm = verifyClientCertificate(presented, settings.realm.bundle, ctx.now);
      if (byRealm.valid) {
        const cn = CN.exec(presented.leaf.subject)?.[1];
        if (settings.realm.revoked.has(normalSerial(presented.leaf.serialNumber))) {
          verdict = { valid: false, reason: "the client certificate has been revoked" };
        } else if (!cn) {
          verdict = { valid: false, reason: "the client certificate names no realm client (CN)" };
        } else {
          verdict = { valid: true, identity: { ...byRealm.identity, realmClient: { realm: settings.realm.name, clientId: cn } } };
          ctx.headers[REALM_HEADER] = settings.realm.name;
          ctx.headers[CLIENT_ID_HEADER] = cn;
        }
      } else if (byRealm.reason !== UNTRUSTED) {
        // Issued by the realm's CA but expired, not yet valid or not for client authentication.
        verdict = byRealm;
      }
    }
    verdict ??= settings.bundle ? verifyClientCertificate(presented, settings.bundle, ctx.now) : { valid: false, reason: UNTRUSTED };
    if (!verdict.valid) {
      return rejection("client_certificate_invalid", undefined, `The client certificate is not valid for this API: ${verdict.reason}.`);
    }
    ctx.clientCertificate = verdict.identity;
    // RFC 9440: the DER certificate as a structured-field byte sequence.
    ctx.headers["client-cert"] = `:${presented.leaf.raw.toString("base64")}:`;
    return undefined;
  },
};
