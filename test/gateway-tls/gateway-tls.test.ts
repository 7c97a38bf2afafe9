// TLS at the gateway, set through the management API and enforced by a real
// in-process gateway with an HTTPS listener: the gateways' certificate
// (PUT/GET/DELETE /gateway-tls: validated, stored encrypted, shipped sealed,
// never in clear in Redis) and an API's mTLS, redirect and HSTS (PATCH /apis/{id}).
// Every certificate is made by the test.
import { X509Certificate } from "node:crypto";
import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import * as gatewayTlsRoute from "@/app/api/v1/gateway-tls/route";
import { secretsKeyFrom } from "@/gateway-worker/src/contract/sealed-secret";
import { createGateway, type Gateway } from "@/gateway-worker/src/server";
import { certificateFactory, type CertificateFactory, type TestCertificate } from "@/gateway-worker/test/helpers/test-certificates";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { callRoute, type CallOptions } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { latestSnapshotKey, readLatestSnapshot } from "../support/latest-snapshot";
import { startInProcessStack, type InProcessStack } from "../support/in-process-stack";

let stack: InProcessStack;
let gateway: Gateway;
let gatewayUrl: string;
let certs: CertificateFactory;
let serverCa: TestCertificate, consoleCert: TestCertificate, otherCert: TestCertificate, expiredCert: TestCertificate;
let clientCa: TestCertificate, client: TestCertificate, expiredCa: TestCertificate;

interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { error?: { code: string } } & Record<string, unknown>;
  serverCn: string;
}

function overHttps(path: string, opts: { client?: TestCertificate } = {}) {
  return new Promise<HttpsAnswer>((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port: gateway.httpsPort()!,
        path,
        ca: serverCa.cert,
        servername: "localhost",
        agent: false,
        ...(opts.client ? { cert: opts.client.cert, key: opts.client.key } : {}),
      },
      (res) => {
        const serverCn = String((res.socket as TLSSocket).getPeerCertificate().subject?.CN ?? "");
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {}, serverCn }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const putTls = (body: unknown, as?: CallOptions["as"]) =>
  callRoute(gatewayTlsRoute.PUT, { method: "PUT", path: "/gateway-tls", body, as });
const patchApi = (apiId: string, body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body });

beforeAll(async () => {
  certs = certificateFactory();
  serverCa = certs.ca("console-server-ca");
  const serverSans = { sans: ["DNS:localhost", "IP:127.0.0.1"], usage: "serverAuth" as const };
  consoleCert = certs.leaf("set-in-console", serverCa, serverSans);
  otherCert = certs.leaf("other-server", serverCa, serverSans);
  expiredCert = certs.leaf("expired-server", serverCa, { ...serverSans, days: -1 });
  clientCa = certs.ca("console-client-ca");
  client = certs.leaf("inventory-service", clientCa, { sans: ["URI:spiffe://acme/inventory"] });
  expiredCa = certs.leaf("expired-ca", clientCa, { days: -1 });

  stack = await startInProcessStack();
  // A gateway with an HTTPS listener and the console's GATEWAY_SECRETS_KEY, but no certificate files.
  gateway = createGateway({
    redisUrl: env().REDIS_URL,
    prefix: env().CONFIG_CHANNEL_PREFIX,
    pollIntervalMs: 600_000,
    secretsKey: secretsKeyFrom(env().GATEWAY_SECRETS_KEY),
    https: { port: 0, host: "127.0.0.1" },
  });
  gatewayUrl = `http://127.0.0.1:${await gateway.listen(0, "127.0.0.1")}`;
});

afterAll(async () => {
  await callRoute(gatewayTlsRoute.DELETE, { method: "DELETE", path: "/gateway-tls" });
  await gateway?.close(0);
  await stack?.stop();
  certs?.cleanup();
});

describe("the gateways' certificate (PUT /gateway-tls)", () => {
  it("is validated, answered without its key, audited by fingerprint, and served by the gateway's HTTPS listener", async () => {
    const res = await putTls({ certificate: consoleCert.cert, privateKey: consoleCert.key });
    expect(res.status).toBe(200);
    const fingerprint = new X509Certificate(consoleCert.cert).fingerprint256;
    expect(res.body).toMatchObject({ configured: true, certificate: { subject: "CN=set-in-console, O=Portcullis Test", fingerprint, isCa: false } });
    expect(res.body.certificate.sans).toEqual(["DNS:localhost", "IP Address:127.0.0.1"]);
    expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE KEY/);
    expect((await callRoute(gatewayTlsRoute.GET, { path: "/gateway-tls" })).body).toEqual(res.body);

    const audit = await callRoute(auditRoute.GET, { path: "/audit-events?action=gateway_tls.updated" });
    expect(audit.body.items[0].after).toMatchObject({ fingerprint });
    expect(JSON.stringify(audit.body.items)).not.toMatch(/PRIVATE KEY/);

    await waitFor(async () => expect((await overHttps("/healthz")).serverCn).toBe("set-in-console"), 5000);
  });

  it("never holds the private key in clear: not in PostgreSQL, not in the snapshot in Redis", async () => {
    const keyBody = consoleCert.key.split("\n").slice(1, -2).join("");
    const row = await db().workspaceSetting.findUniqueOrThrow({ where: { key: "gateway-tls" } });
    const raw = (await redis().get(latestSnapshotKey())) ?? "";
    for (const stored of [JSON.stringify(row.value), raw]) {
      expect(stored).not.toMatch(/PRIVATE KEY/);
      expect(stored).not.toContain(keyBody.slice(0, 40));
    }
    expect((await readLatestSnapshot()).gatewayTls?.privateKey).toMatch(/^sealed:v1:[0-9a-f]{16}:/);
  });

  it("is swapped for new connections when replaced", async () => {
    expect((await putTls({ certificate: otherCert.cert, privateKey: otherCert.key })).status).toBe(200);
    await waitFor(async () => expect((await overHttps("/healthz")).serverCn).toBe("other-server"), 5000);
  });

  it.each([
    ["an unreadable certificate", () => ({ certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", privateKey: consoleCert.key }), "/certificate", /cannot be read/],
    ["an expired certificate", () => ({ certificate: expiredCert.cert, privateKey: expiredCert.key }), "/certificate", /expired/],
    ["another certificate's key", () => ({ certificate: consoleCert.cert, privateKey: otherCert.key }), "/privateKey", /does not belong/],
    ["an encrypted key", () => ({ certificate: consoleCert.cert, privateKey: certs.encryptedKey(consoleCert) }), "/privateKey", /encrypted/],
    ["a CA first", () => ({ certificate: serverCa.cert, privateKey: serverCa.key }), "/certificate", /is a CA/],
  ])("refuses %s with 422 invalid_certificate at its pointer", async (_what, body, pointer, message) => {
    const res = await putTls(body());
    expect([res.status, res.body.error.code]).toEqual([422, "invalid_certificate"]);
    expect(res.body.error.problems).toContainEqual({ pointer, message: expect.stringMatching(message) });
  });

  it.each([
    ["no key", () => ({ certificate: consoleCert.cert }), "privateKey"],
    ["a key pasted as the certificate", () => ({ certificate: consoleCert.cert + consoleCert.key, privateKey: consoleCert.key }), "certificate"],
    ["an unknown field", () => ({ certificate: consoleCert.cert, privateKey: consoleCert.key, passphrase: "x" }), ""],
  ])("refuses %s with 400", async (_what, body, path) => {
    const res = await putTls(body());
    expect([res.status, res.body.error.code]).toEqual([400, "validation_failed"]);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("may be set by platform admins only", async () => {
    const res = await putTls({ certificate: consoleCert.cert, privateKey: consoleCert.key }, await createIdentity("api_publisher", { tag: "tls" }));
    expect(res.status).toBe(403);
  });
});

describe("an API's TLS settings (PATCH /apis/{id})", () => {
  let apiId: string;
  let path: string;

  beforeAll(async () => {
    path = uniquePath("tls");
    apiId = (await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false, lifecycle: "published" })).id as string;
  });

  it("are stored, answered, sent to the gateways and enforced: mTLS, redirect and HSTS", async () => {
    const settings = { mtls: { required: true, caCertificates: clientCa.cert }, httpsRedirect: true, hsts: { maxAgeSeconds: 86_400 } };
    const res = await patchApi(apiId, settings);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...settings, hsts: { maxAgeSeconds: 86_400, includeSubDomains: false } });
    expect((await readLatestSnapshot()).apis.find((a) => a.id === apiId)?.tls).toMatchObject(settings);

    await waitFor(async () => expect((await fetch(`${gatewayUrl}/${path}/orders`, { redirect: "manual" })).status).toBe(308), 5000);
    const refused = await overHttps(`/${path}/orders`);
    expect([refused.status, refused.body.error?.code, refused.headers["strict-transport-security"]]).toEqual([401, "client_certificate_required", "max-age=86400"]);
    const passed = await overHttps(`/${path}/orders`, { client });
    expect(passed.status).toBe(200);
  });

  it("are turned off with null and false", async () => {
    const res = await patchApi(apiId, { mtls: null, httpsRedirect: false, hsts: null });
    expect(res.body).toMatchObject({ mtls: null, httpsRedirect: false, hsts: null });
    expect((await readLatestSnapshot()).apis.find((a) => a.id === apiId)?.tls).toBeUndefined();
    await waitFor(async () => expect((await fetch(`${gatewayUrl}/${path}/orders`)).status).toBe(200), 5000);
  });

  it.each([
    ["an unreadable CA bundle", () => ({ mtls: { required: true, caCertificates: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" } }), /cannot be read/],
    ["an expired CA", () => ({ mtls: { required: true, caCertificates: clientCa.cert + expiredCa.cert } }), /certificate 2 of 2 .*expired/],
  ])("refuses %s with 422 invalid_certificate at /mtls/caCertificates", async (_what, body, message) => {
    const res = await patchApi(apiId, body());
    expect([res.status, res.body.error.code]).toEqual([422, "invalid_certificate"]);
    expect(res.body.error.problems).toContainEqual({ pointer: "/mtls/caCertificates", message: expect.stringMatching(message) });
  });

  it.each([
    ["a private key in the CA bundle", () => ({ mtls: { required: true, caCertificates: clientCa.cert + clientCa.key } }), "mtls.caCertificates"],
    ["no CA bundle", () => ({ mtls: { required: true } }), "mtls.caCertificates"],
    ["an unknown mtls field", () => ({ mtls: { required: true, caCertificates: clientCa.cert, crl: "x" } }), "mtls"],
    ["a negative HSTS max-age", () => ({ hsts: { maxAgeSeconds: -1 } }), "hsts.maxAgeSeconds"],
    ["httpsRedirect not a boolean", () => ({ httpsRedirect: "yes" }), "httpsRedirect"],
  ])("refuses %s with 400", async (_what, body, field) => {
    const res = await patchApi(apiId, body());
    expect([res.status, res.body.error.code]).toEqual([400, "validation_failed"]);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});

describe("removing the gateways' certificate (DELETE /gateway-tls)", () => {
  it("answers configured: false and sends no certificate to the gateways", async () => {
    const res = await callRoute(gatewayTlsRoute.DELETE, { method: "DELETE", path: "/gateway-tls" });
    expect([res.status, res.body.configured]).toEqual([200, false]);
    expect((await readLatestSnapshot()).gatewayTls ?? null).toBeNull();
  });
});
