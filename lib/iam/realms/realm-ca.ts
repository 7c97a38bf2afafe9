// A realm as a small certificate authority, with @peculiar/x509 on WebCrypto: one self-signed
// ECDSA P-256 CA per realm, made on first use (its private key sealed with the secrets key, as
// signing keys are), issuing short-lived client certificates to the realm's confidential clients:
// subject CN = clientId, SAN URI = the realm's issuer + /clients/{clientId}, clientAuth only.
// Revocation is a timestamp; the revoked serials not yet expired travel to the gateways with
// every API that trusts the CA (mtls.trustRealmCa) and are published as a signed CRL.
import "reflect-metadata";
import { createPublicKey, randomBytes, webcrypto, X509Certificate as NodeCertificate } from "node:crypto";
import * as x509 from "@peculiar/x509";
import type { Realm, RealmClientCertificate } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { getRealmOrThrow } from "./get-realm-or-throw";
import { issuerOf } from "./issuer-url";
import {
  DEFAULT_CERTIFICATE_VALIDITY_SECONDS,
  type ClientCertificateResource,
  type IssueCertificateInput,
  type ListCertificatesQuery,
  type RealmCaResource,
} from "./realm-ca-schemas";

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const CA_ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const CA_VALIDITY_YEARS = 10;
/** Issued certificates start a little in the past, for callers whose clocks run behind. */
const BACKDATE_MS = 60_000;

type CaRow = { realmId: string; certificatePem: string; privateKeyCiphertext: string; notAfter: Date };

/** The URI naming a realm client in its certificate's subjectAltName. */
export function clientCertificateUri(realmName: string, clientId: string): string {
  return `${issuerOf(realmName)}/clients/${encodeURIComponent(clientId)}`;
}

/** The realm's CA, created (and audited) when it has none yet. Safe when two callers race. */
export async function ensureRealmCa(tx: DbTransaction, realm: Pick<Realm, "id" | "name">, actor: Actor): Promise<CaRow> {
  const existing = await tx.realmCertificateAuthority.findUnique({ where: { realmId: realm.id } });
  if (existing) return existing;
  const keys = (await crypto.subtle.generateKey(CA_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const notBefore = new Date(Date.now() - BACKDATE_MS);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_VALIDITY_YEARS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newSerial(),
    name: `CN=${realm.name} client CA, O=Portcullis`,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: CA_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", keys.privateKey);
  const row = {
    realmId: realm.id,
    certificatePem: certificate.toString("pem"),
    privateKeyCiphertext: encryptSecret(x509.PemConverter.encode(pkcs8, "PRIVATE KEY")),
    notAfter,
  };
  const { count } = await tx.realmCertificateAuthority.createMany({ data: [row], skipDuplicates: true });
  if (count === 0) return tx.realmCertificateAuthority.findUniqueOrThrow({ where: { realmId: realm.id } });
  await recordAuditEvent(tx, actor, {
    action: "realm.ca_created",
    entityType: "realm",
    entityId: realm.id,
    after: { realm: realm.name, subject: certificate.subject, fingerprint: new NodeCertificate(row.certificatePem).fingerprint256, notAfter: notAfter.toISOString() },
  });
  return row;
}

/** 128 random bits, positive (RFC 5280 4.1.2.2), never with a leading zero byte (so hex forms agree). */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString("hex");
}

const caKeys = new Map<string, CryptoKey>();

async function caSigningKey(ca: CaRow): Promise<CryptoKey> {
  const cacheKey = `${ca.realmId}:${ca.certificatePem.length}:${ca.notAfter.getTime()}`;
  let key = caKeys.get(cacheKey);
  if (!key) {
    const der = x509.PemConverter.decodeFirst(decryptSecret(ca.privateKeyCiphertext));
    key = await crypto.subtle.importKey("pkcs8", der, CA_ALGORITHM, false, ["sign"]);
    caKeys.set(cacheKey, key);
  }
  return key;
}

/** The client's public key from a CSR (whose signature must verify: it proves the key is held) or an SPKI PEM. */
async function requestedPublicKey(input: IssueCertificateInput): Promise<x509.PublicKey> {
  let key: x509.PublicKey;
  try {
    if (input.csr) {
      const csr = new x509.Pkcs10CertificateRequest(input.csr);
      if (!(await csr.verify())) throw new ApiError("validation_failed", "The CSR's signature does not verify");
      key = csr.publicKey;
    } else {
      key = new x509.PublicKey(input.publicKey!);
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError("validation_failed", `The ${input.csr ? "CSR" : "public key"} cannot be read`);
  }
  const node = createPublicKey(key.toString("pem"));
  const details = node.asymmetricKeyDetails ?? {};
  const strongRsa = node.asymmetricKeyType === "rsa" && (details.modulusLength ?? 0) >= 2048;
  const knownCurve = node.asymmetricKeyType === "ec" && ["prime256v1", "secp384r1"].includes(details.namedCurve ?? "");
  if (!strongRsa && !knownCurve) throw new ApiError("validation_failed", "The key must be RSA (2048 bits or more) or EC P-256/P-384");
  return key;
}

function statusOf(row: Pick<RealmClientCertificate, "revokedAt" | "notAfter">, now = Date.now()): ClientCertificateResource["status"] {
  if (row.revokedAt) return "revoked";
  return row.notAfter.getTime() <= now ? "expired" : "valid";
}

function toCertificateResource(row: RealmClientCertificate, clientId: string): ClientCertificateResource {
  const cert = new NodeCertificate(row.certificatePem);
  return {
    serialNumber: row.serialNumber,
    clientId,
    subject: cert.subject.split("\n").join(", "),
    sans: cert.subjectAltName ? cert.subjectAltName.split(", ") : [],
    fingerprint: row.fingerprint,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: statusOf(row),
    certificate: row.certificatePem,
    createdAt: row.createdAt.toISOString(),
  };
}

async function realmAndClient(tx: Pick<DbTransaction, "realm" | "realmClient">, realmName: string, clientId: string) {
  const realm = await getRealmOrThrow(realmName, tx);
  const client = await tx.realmClient.findUnique({ where: { realmId_clientId: { realmId: realm.id, clientId } } });
  if (!client) throw notFound("Client", clientId);
  return { realm, client };
}

export async function issueClientCertificate(realmName: string, clientId: string, input: IssueCertificateInput, actor: Actor) {
  const publicKey = await requestedPublicKey(input);
  return db().$transaction(async (tx) => {
    const { realm, client } = await realmAndClient(tx, realmName, clientId);
    if (client.type !== "CONFIDENTIAL") throw new ApiError("conflict", "Only confidential clients get certificates: a public client cannot keep a private key");
    if (!client.enabled) throw new ApiError("conflict", "The client is disabled");
    const ca = await ensureRealmCa(tx, realm, actor);
    const caCert = new x509.X509Certificate(ca.certificatePem);
    const notBefore = new Date(Date.now() - BACKDATE_MS);
    const notAfter = new Date(Date.now() + (input.validitySeconds ?? DEFAULT_CERTIFICATE_VALIDITY_SECONDS) * 1000);
    const serialNumber = newSerial();
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber,
      subject: `CN=${clientId}`,
      issuer: caCert.subject,
      notBefore,
      notAfter: notAfter < ca.notAfter ? notAfter : ca.notAfter,
      signingAlgorithm: CA_ALGORITHM,
      publicKey,
      signingKey: await caSigningKey(ca),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth], false),
        new x509.SubjectAlternativeNameExtension([{ type: "url", value: clientCertificateUri(realm.name, clientId) }], false),
        await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
        await x509.SubjectKeyIdentifierExtension.create(publicKey),
      ],
    });
    const pem = certificate.toString("pem");
    const row = await tx.realmClientCertificate.create({
      data: {
        serialNumber,
        realmId: realm.id,
        clientId: client.id,
        certificatePem: pem,
        fingerprint: new NodeCertificate(pem).fingerprint256,
        notBefore,
        notAfter: certificate.notAfter,
      },
    });
    const resource = toCertificateResource(row, clientId);
    await recordAuditEvent(tx, actor, {
      action: "realm.client_certificate_issued",
      entityType: "realm_client",
      entityId: client.id,
      after: { realm: realm.name, clientId, serialNumber, fingerprint: resource.fingerprint, notAfter: resource.notAfter },
    });
    return { ...resource, caCertificate: ca.certificatePem };
  });
}

/** Newest first, keyset-paged on (createdAt, serialNumber). */
export async function listClientCertificates(realmName: string, clientId: string, query: ListCertificatesQuery) {
  const { client } = await realmAndClient(db(), realmName, clientId);
  let after: { createdAt: Date; serialNumber: string } | undefined;
  if (query.cursor) {
    try {
      const [at, serial] = JSON.parse(Buffer.from(query.cursor, "base64url").toString("utf8")) as [string, string];
      after = { createdAt: new Date(at), serialNumber: String(serial) };
      if (Number.isNaN(after.createdAt.getTime())) throw new Error("bad date");
    } catch {
      throw new ApiError("bad_request", "Invalid cursor: pass the nextCursor of a previous page of the same list");
    }
  }
  const rows = await db().realmClientCertificate.findMany({
    where: {
      clientId: client.id,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, serialNumber: { lt: after.serialNumber } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { serialNumber: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const tail = page.at(-1);
  return {
    items: page.map((r) => toCertificateResource(r, clientId)),
    nextCursor: rows.length > query.limit && tail ? Buffer.from(JSON.stringify([tail.createdAt.toISOString(), tail.serialNumber])).toString("base64url") : null,
  };
}

export async function revokeClientCertificate(realmName: string, clientId: string, serialNumber: string, actor: Actor) {
  const result = await db().$transaction(async (tx) => {
    const { realm, client } = await realmAndClient(tx, realmName, clientId);
    const row = await tx.realmClientCertificate.findUnique({ where: { serialNumber: serialNumber.toLowerCase() } });
    if (!row || row.clientId !== client.id) throw notFound("Certificate", serialNumber);
    if (row.revokedAt) return { resource: toCertificateResource(row, clientId), changed: false, realm };
    const revoked = await tx.realmClientCertificate.update({ where: { serialNumber: row.serialNumber }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, actor, {
      action: "realm.client_certificate_revoked",
      entityType: "realm_client",
      entityId: client.id,
      before: { serialNumber: row.serialNumber, revokedAt: null },
      after: { realm: realm.name, clientId, serialNumber: row.serialNumber, fingerprint: row.fingerprint, revokedAt: revoked.revokedAt!.toISOString() },
    });
    return { resource: toCertificateResource(revoked, clientId), changed: true, realm };
  });
  if (result.changed) await republishTrustingApis(result.realm.name, `realm ${result.realm.name}: certificate ${serialNumber} revoked`);
  return result.resource;
}

/** APIs whose mTLS trusts this realm's CA carry its revoked serials: they need a new config. */
async function republishTrustingApis(realmName: string, reason: string) {
  const trusting = await db().api.findMany({ where: { tlsSettings: { path: ["mtls", "trustRealmCa"], equals: realmName } }, select: { id: true } });
  if (trusting.length === 0) return;
  try {
    await publishGatewayChange(reason, trusting.map((api) => ({ kind: "api" as const, id: api.id })));
  } catch (err) {
    // The delivery guarantee retries a failed publish; the revocation itself is stored.
    logger().error({ err: err instanceof Error ? err.message : err, reason }, "publishing the revocation failed");
  }
}

async function revokedNotExpired(tx: Pick<DbTransaction, "realmClientCertificate">, realmIds: string[]) {
  return tx.realmClientCertificate.findMany({
    where: { realmId: { in: realmIds }, revokedAt: { not: null }, notAfter: { gt: new Date() } },
    select: { realmId: true, serialNumber: true, revokedAt: true, notAfter: true },
    orderBy: { serialNumber: "asc" },
  });
}

export async function getRealmCa(realmName: string): Promise<RealmCaResource> {
  const realm = await getRealmOrThrow(realmName);
  const ca = await db().realmCertificateAuthority.findUnique({ where: { realmId: realm.id } });
  if (!ca) throw new ApiError("not_found", `Realm '${realmName}' has no CA yet: it is made when it issues its first certificate or an API trusts it`);
  const cert = new NodeCertificate(ca.certificatePem);
  return {
    certificate: ca.certificatePem,
    subject: cert.subject.split("\n").join(", "),
    fingerprint: cert.fingerprint256,
    notAfter: ca.notAfter.toISOString(),
    revoked: (await revokedNotExpired(db(), [realm.id])).map((r) => ({ serialNumber: r.serialNumber, revokedAt: r.revokedAt!.toISOString(), notAfter: r.notAfter.toISOString() })),
    crlUri: `${issuerOf(realm.name)}/protocol/ca/crl`,
  };
}

/** The realm's CRL (RFC 5280, DER), signed by its CA; null when the realm has no CA. */
export async function realmCrl(realm: Pick<Realm, "id" | "name">): Promise<ArrayBuffer | null> {
  const ca = await db().realmCertificateAuthority.findUnique({ where: { realmId: realm.id } });
  if (!ca) return null;
  const now = new Date();
  const crl = await x509.X509CrlGenerator.create({
    issuer: new x509.X509Certificate(ca.certificatePem).subject,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 3600_000),
    entries: (await revokedNotExpired(db(), [realm.id])).map((r) => ({ serialNumber: r.serialNumber, revocationDate: r.revokedAt! })),
    signingKey: await caSigningKey(ca),
    signingAlgorithm: CA_ALGORITHM,
  });
  return crl.rawData;
}

/** What the gateways get for the realms trusted by APIs' mTLS: the CA certificate and revoked serials. */
export async function realmCasForSnapshot(tx: Pick<DbTransaction, "realm" | "realmCertificateAuthority" | "realmClientCertificate">, realmNames: readonly string[]) {
  const out = new Map<string, { realm: string; certificate: string; revokedSerials: string[] }>();
  if (realmNames.length === 0) return out;
  const realms = await tx.realm.findMany({ where: { name: { in: [...new Set(realmNames)] } }, select: { id: true, name: true, certificateAuthority: true } });
  const revoked = await revokedNotExpired(tx, realms.map((r) => r.id));
  for (const realm of realms) {
    if (!realm.certificateAuthority) continue;
    out.set(realm.name, {
      realm: realm.name,
      certificate: realm.certificateAuthority.certificatePem,
      revokedSerials: revoked.filter((r) => r.realmId === realm.id).map((r) => r.serialNumber),
    });
  }
  return out;
}

/** PATCH /apis/{id} with mtls.trustRealmCa: the realm must exist; its CA is made now if needed. */
export async function assertTrustableRealmCa(tx: DbTransaction, realmName: string | undefined, actor: Actor): Promise<void> {
  if (!realmName) return;
  const realm = await tx.realm.findUnique({ where: { name: realmName } });
  if (!realm) {
    throw new ApiError("validation_failed", `mtls.trustRealmCa names realm '${realmName}', which does not exist`, {
      issues: [{ path: "mtls.trustRealmCa", message: "no such realm" }],
    });
  }
  await ensureRealmCa(tx, realm, actor);
}
