// Verifies a client certificate against one API's CA bundle: the path from the
// leaf through what the client sent up to one of the bundle's certificates,
// every signature and every validity window on it, and that the leaf may be
// used for client authentication. Done here rather than by OpenSSL during the
// handshake because the handshake happens before the gateway knows the API (the
// path), and each API trusts its own CAs.
import { X509Certificate } from "node:crypto";
import type { PresentedCertificates } from "./connection-info.js";

const CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
const ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
/** Intermediates between a leaf and a trusted CA; real chains have one or two. */
const MAX_INTERMEDIATES = 5;

export interface TrustBundle {
  readonly anchors: readonly X509Certificate[];
}

export interface ClientIdentity {
  /** Distinguished name, e.g. "CN=orders-service, O=Acme". */
  readonly subject: string;
  /** subjectAltName entries, e.g. ["DNS:orders.internal", "URI:spiffe://acme/orders"]. */
  readonly sans: readonly string[];
  /** SHA-256 of the DER certificate, "AB:CD:…". */
  readonly fingerprint: string;
  /** Set when a realm's CA (mtls.trustRealmCa) issued it: the realm client it belongs to (its CN). */
  readonly realmClient?: { readonly realm: string; readonly clientId: string };
}

/** The reason when no path leads to a trusted CA (as opposed to a trusted path that fails a check). */
export const UNTRUSTED = "the client certificate is not issued by a CA this API trusts";

export type Verdict = { valid: true; identity: ClientIdentity } | { valid: false; reason: string };

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Throws when a block of the bundle is not a certificate (the console checks this before storing). */
export function compileTrustBundle(pem: string): TrustBundle {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error("the CA bundle holds no certificate");
  return { anchors: blocks.map((block) => new X509Certificate(block)) };
}

/** One certificate of a verified path, with its validity window parsed once. */
interface PathEntry {
  readonly what: string;
  readonly notBefore: number;
  readonly notAfter: number;
}
type PathResult = { path: readonly PathEntry[]; identity: ClientIdentity } | { reason: string };

/**
 * Signatures and path per connection and bundle: a keep-alive connection presents one chain for all
 * its requests, and a bundle lives as long as its config. Only the dates are checked per request.
 */
const verifiedPaths = new WeakMap<PresentedCertificates, WeakMap<TrustBundle, PathResult>>();

function entry(cert: X509Certificate, what: string): PathEntry {
  return { what, notBefore: Date.parse(cert.validFrom), notAfter: Date.parse(cert.validTo) };
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

export function identityOf(cert: X509Certificate): ClientIdentity {
  return {
    subject: cert.subject.split("\n").join(", "),
    sans: cert.subjectAltName ? cert.subjectAltName.split(", ") : [],
    fingerprint: cert.fingerprint256,
  };
}

function buildPath(presented: PresentedCertificates, bundle: TrustBundle): PathResult {
  const { leaf } = presented;
  const usages = leaf.keyUsage; // extended key usages; absent means unrestricted
  if (usages && usages.length > 0 && !usages.includes(CLIENT_AUTH) && !usages.includes(ANY_EXTENDED_KEY_USAGE)) {
    return { reason: "the client certificate is not meant for client authentication" };
  }
  const path = [entry(leaf, "the client certificate")];
  const identity = identityOf(leaf);
  // A bundle may pin the client certificate itself.
  if (bundle.anchors.some((a) => a.fingerprint256 === leaf.fingerprint256)) return { path, identity };

  let current = leaf;
  for (let depth = 0; depth <= MAX_INTERMEDIATES; depth++) {
    const anchor = bundle.anchors.find((a) => a.ca && issuedBy(current, a));
    if (anchor) return { path: [...path, entry(anchor, "the issuing CA certificate")], identity };
    const intermediate = presented.chain.find((c) => c !== current && c.ca && issuedBy(current, c));
    if (!intermediate) break;
    path.push(entry(intermediate, "an intermediate CA certificate"));
    current = intermediate;
  }
  return { reason: UNTRUSTED };
}

export function verifyClientCertificate(presented: PresentedCertificates, bundle: TrustBundle, now: number): Verdict {
  let byBundle = verifiedPaths.get(presented);
  if (!byBundle) verifiedPaths.set(presented, (byBundle = new WeakMap()));
  let result = byBundle.get(bundle);
  if (!result) byBundle.set(bundle, (result = buildPath(presented, bundle)));
  if ("reason" in result) return { valid: false, reason: result.reason };
  for (const { what, notBefore, notAfter } of result.path) {
    if (now < notBefore) return { valid: false, reason: `${what} is not valid yet` };
    if (now > notAfter) return { valid: false, reason: `${what} has expired` };
  }
  return { valid: true, identity: result.identity };
}
