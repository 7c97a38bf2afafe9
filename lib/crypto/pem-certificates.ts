// Reads PEM certificates (and a private key) the way the gateway will, with
// node:crypto, so a bundle the gateway could not load is refused when it is
// saved, each problem at its JSON pointer (422 invalid_certificate).
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { ApiError } from "@/lib/http/errors";

export interface CertificateProblem {
  pointer: string;
  message: string;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  sans: string[];
  notBefore: string;
  notAfter: string;
  /** SHA-256, "AB:CD:…". */
  fingerprint: string;
  isCa: boolean;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const oneLine = (dn: string) => dn.split("\n").join(", ");

export function summarizeCertificate(cert: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    sans: cert.subjectAltName ? cert.subjectAltName.split(", ") : [],
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprint: cert.fingerprint256,
    isCa: cert.ca,
  };
}

/** Every certificate of the bundle, or the problems found (unreadable blocks, expired certificates). */
export function readCertificates(pem: string, pointer: string, now = Date.now()) {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  const problems: CertificateProblem[] = [];
  const certificates: X509Certificate[] = [];
  if (blocks.length === 0) problems.push({ pointer, message: "holds no PEM certificate (-----BEGIN CERTIFICATE-----)" });
  blocks.forEach((block, i) => {
    const which = blocks.length > 1 ? `certificate ${i + 1} of ${blocks.length}` : "the certificate";
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block);
    } catch (err) {
      problems.push({ pointer, message: `${which} cannot be read: ${(err as Error).message}` });
      return;
    }
    if (Date.parse(cert.validTo) < now) problems.push({ pointer, message: `${which} (${oneLine(cert.subject)}) expired on ${new Date(cert.validTo).toISOString()}` });
    certificates.push(cert);
  });
  return { certificates, problems };
}

/** An unencrypted PEM private key, or the problem with it. */
export function readPrivateKey(pem: string, pointer: string): { key?: KeyObject; problems: CertificateProblem[] } {
  try {
    return { key: createPrivateKey({ key: pem, format: "pem" }), problems: [] };
  } catch (err) {
    const encrypted = /ENCRYPTED/.test(pem) || (err as { code?: string }).code === "ERR_MISSING_PASSPHRASE";
    const message = encrypted ? "is encrypted; give the key without a passphrase (it is stored encrypted)" : "is not a readable PEM private key";
    return { problems: [{ pointer, message }] };
  }
}

export function assertNoCertificateProblems(problems: readonly CertificateProblem[]): void {
  if (problems.length === 0) return;
  throw new ApiError("invalid_certificate", problems.map((p) => `${p.pointer}: ${p.message}`).join("; "), { problems });
}
