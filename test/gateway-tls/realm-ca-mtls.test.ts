// A realm as a small certificate authority, end to end: the management API issues a short-lived
// client certificate (from a CSR or a public key) to a realm client, an API's mTLS trusts the
// realm's CA (mtls.trustRealmCa), and a real gateway's HTTPS listener accepts that certificate,
// forwards the realm client it maps to, refuses it once revoked, and refuses another CA's.
import "reflect-metadata";
import { generateKeyPairSync, webcrypto, X509Certificate } from "node:crypto";
import https from "node:https";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as caRoute from "@/app/api/v1/realms/[realm]/certificate-authority/route";
import * as certificatesRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/certificates/route";
import * as revokeRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/certificates/[serialNumber]/revoke/route";
import * as crlRoute from "@/app/realms/[realm]/protocol/ca/crl/route";
import { createGateway, type Gateway } from "@/gateway-worker/src/server";
import { certificateFactory, type CertificateFactory, type TestCertificate } from "@/gateway-worker/test/helpers/test-certificates";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { env } from "@/lib/env";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { readLatestSnapshot } from "../support/latest-snapshot";
import { startInProcessStack, type InProcessStack } from "../support/in-process-stack";

const realm = `ca-${Math.random().toString(36).slice(2, 8)}`;
let stack: InProcessStack;
let gateway: Gateway;
let certs: CertificateFactory;
let serverCa: TestCertificate, serverCert: TestCertificate, foreignClient: TestCertificate;
let apiId: string;
let apiPath: string;
type Pem = { cert: string; key: string };

function overHttps(path: string, client?: Pem, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string; message: string } } }>((resolve, reject) => {
    const req = https.request(
      { host: "127.0.0.1", port: gateway.httpsPort()!, path, ca: serverCa.cert, servername: "localhost", agent: false, headers, ...(client ?? {}) },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const issue = (clientId: string, body: Record<string, unknown>) =>
  callRoute(certificatesRoute.POST, { method: "POST", path: `/realms/${realm}/clients/${clientId}/certificates`, params: { realm, clientId }, body });

function ecKeyPem() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(), privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

async function csrAndKey() {
  const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ["sign", "verify"])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: "CN=ignored", keys, signingAlgorithm: alg }, webcrypto as unknown as Crypto);
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return { csr: csr.toString("pem"), key: x509.PemConverter.encode(pkcs8, "PRIVATE KEY") };
}

beforeAll(async () => {
  certs = certificateFactory();
  serverCa = certs.ca("realm-ca-server-ca");
  serverCert = certs.leaf("realm-ca-gateway", serverCa, { sans: ["DNS:localhost", "IP:127.0.0.1"], usage: "serverAuth" });
  foreignClient = certs.leaf("inventory", certs.ca("someone-elses-ca"), { sans: ["URI:spiffe://acme/inventory"] });
  stack = await startInProcessStack();
  gateway = createGateway({
    redisUrl: env().REDIS_URL,
    prefix: env().CONFIG_CHANNEL_PREFIX,
    pollIntervalMs: 600_000,
    https: { port: 0, host: "127.0.0.1", certFile: serverCert.certFile, keyFile: serverCert.keyFile },
  });
  await gateway.listen(0, "127.0.0.1");

  expect((await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: realm } })).status).toBe(201);
  for (const [clientId, type] of [["inventory", "confidential"], ["spa", "public"]] as const) {
    const made = await callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params: { realm }, body: { clientId, type } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  apiPath = uniquePath("realm-ca");
  apiId = (await importedApi({ path: apiPath, backendUrl: stack.backendUrl, subscriptionRequired: false, lifecycle: "published" })).id as string;
});

afterAll(async () => {
  await gateway?.close(0);
  await stack?.stop();
  certs?.cleanup();
});

describe("issuing client certificates", () => {
  it("signs a CSR's key: CN = clientId, a URI SAN naming realm and client, clientAuth, 24 h, chained to the realm CA", async () => {
    const { csr } = await csrAndKey();
    const res = await issue("inventory", { csr });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const cert = new X509Certificate(res.body.certificate);
    const ca = new X509Certificate(res.body.caCertificate);
    expect(cert.subject).toBe("CN=inventory");
    expect(cert.subjectAltName).toMatch(new RegExp(`^URI:.*/realms/${realm}/clients/inventory$`));
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.2"]);
    expect(cert.ca).toBe(false);
    expect(ca.ca).toBe(true);
    expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    const hours = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 3600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThan(26);
    expect(res.body).toMatchObject({ status: "valid", clientId: "inventory", revokedAt: null, fingerprint: cert.fingerprint256 });
    const audit = await callRoute(auditRoute.GET, { path: "/audit-events?action=realm.client_certificate_issued" });
    expect(audit.body.items[0].after).toMatchObject({ realm, clientId: "inventory", serialNumber: res.body.serialNumber });
  });

  it("lists them newest first, in pages", async () => {
    expect((await issue("inventory", { publicKey: ecKeyPem().publicKey, validitySeconds: 3600 })).status).toBe(201);
    const first = await callRoute(certificatesRoute.GET, { path: `/realms/${realm}/clients/inventory/certificates?limit=1`, params: { realm, clientId: "inventory" } });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await callRoute(certificatesRoute.GET, {
      path: `/realms/${realm}/clients/inventory/certificates?limit=1&cursor=${first.body.nextCursor}`,
      params: { realm, clientId: "inventory" },
    });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].serialNumber).not.toBe(first.body.items[0].serialNumber);
  });

  it.each([
    ["a public client", "spa", { publicKey: ecKeyPem().publicKey }, 409],
    ["both a CSR and a key", "inventory", { csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----", publicKey: ecKeyPem().publicKey }, 400],
    ["an unreadable key", "inventory", { publicKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" }, 400],
    ["a weak RSA key", "inventory", { publicKey: generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString() }, 400],
    ["an unknown client", "nobody", { publicKey: ecKeyPem().publicKey }, 404],
  ])("refuses %s", async (_what, clientId, body, status) => {
    expect((await issue(clientId, body)).status).toBe(status);
  });
});

describe("a gateway's mTLS trusting the realm's CA", () => {
  let valid: Pem;
  let serialNumber: string;

  beforeAll(async () => {
    const { csr, key } = await csrAndKey();
    const res = await issue("inventory", { csr });
    valid = { cert: res.body.certificate, key };
    serialNumber = res.body.serialNumber;
  });

  it("refuses a trustRealmCa naming no realm", async () => {
    const res = await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body: { mtls: { required: true, trustRealmCa: "no-such-realm" } } });
    expect([res.status, res.body.error.code]).toEqual([400, "validation_failed"]);
  });

  it("ships the CA with the API and accepts the certificates it issued, forwarding the realm client", async () => {
    const res = await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body: { mtls: { required: true, trustRealmCa: realm } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mtls).toEqual({ required: true, trustRealmCa: realm });
    const ca = await callRoute(caRoute.GET, { path: `/realms/${realm}/certificate-authority`, params: { realm } });
    const shipped = (await readLatestSnapshot()).apis.find((a) => a.id === apiId)?.tls?.mtls;
    expect(shipped?.realmCa).toEqual({ realm, certificate: ca.body.certificate, revokedSerials: [] });

    await waitFor(async () => expect((await overHttps(`/${apiPath}/hello`)).body.error?.code).toBe("client_certificate_required"), 5000);
    const echoed = await overHttps(`/${apiPath}/echo`, valid, { "portcullis-client-id": "admin" });
    expect(echoed.status).toBe(200);
    expect((echoed.body as { headers: Record<string, string> }).headers).toMatchObject({ "portcullis-client-realm": realm, "portcullis-client-id": "inventory" });
  });

  it("refuses a certificate from another CA, even with the same CN", async () => {
    const res = await overHttps(`/${apiPath}/hello`, { cert: foreignClient.cert, key: foreignClient.key });
    expect([res.status, res.body.error?.code]).toEqual([401, "client_certificate_invalid"]);
  });

  it("refuses a revoked certificate once revoked, and the CRL and the CA resource list it", async () => {
    const res = await callRoute(revokeRoute.POST, {
      method: "POST",
      path: `/realms/${realm}/clients/inventory/certificates/${serialNumber}/revoke`,
      params: { realm, clientId: "inventory", serialNumber },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "revoked", serialNumber });
    await waitFor(async () => {
      const refused = await overHttps(`/${apiPath}/hello`, valid);
      expect([refused.status, refused.body.error?.code]).toEqual([401, "client_certificate_invalid"]);
      expect(refused.body.error?.message).toMatch(/revoked/);
    }, 5000);

    const ca = await callRoute(caRoute.GET, { path: `/realms/${realm}/certificate-authority`, params: { realm } });
    expect(ca.body.revoked.map((r: { serialNumber: string }) => r.serialNumber)).toEqual([serialNumber]);
    const crlResponse = await crlRoute.GET(new Request(`http://localhost/realms/${realm}/protocol/ca/crl`), { params: Promise.resolve({ realm }) });
    expect(crlResponse.headers.get("content-type")).toBe("application/pkix-crl");
    const crl = new x509.X509Crl(await crlResponse.arrayBuffer());
    expect(crl.entries.map((e) => e.serialNumber.toLowerCase())).toEqual([serialNumber]);
    expect(await crl.verify({ publicKey: new x509.X509Certificate(ca.body.certificate).publicKey }, webcrypto as unknown as Crypto)).toBe(true);
  });

  it("still accepts the client's other, unrevoked certificate", async () => {
    const { csr, key } = await csrAndKey();
    const res = await issue("inventory", { csr });
    expect((await overHttps(`/${apiPath}/hello`, { cert: res.body.certificate, key })).status).toBe(200);
  });
});
