// Backends over https through a real gateway: the backend's certificate is
// verified against the API's CA bundle (or the system CAs), a wrong CA is
// refused with 502, and a client certificate is presented to a backend that
// requires one (mTLS), its key arriving sealed under GATEWAY_SECRETS_KEY.
// Every certificate is made by this test with openssl; none is checked in.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackendSettings, GatewayApi } from "../src/contract/config-snapshot";
import { sealSecret } from "../src/contract/sealed-secret";
import { setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { startControllableBackend, type ControllableBackend } from "./helpers/controllable-backend";
import { makeApi, makeSnapshot } from "./helpers/snapshots";
import { certificateFactory, type CertificateFactory } from "./helpers/test-certificates";

let fx: Fixture;
let gatewayUrl: string;
let factory: CertificateFactory;
const certs = { caCert: "", serverCert: "", serverKey: "", clientCert: "", clientKey: "" };
let strangerCa: string;
let tlsBackend: ControllableBackend;
let mtlsBackend: ControllableBackend;
const secretsKey = randomBytes(32);
const otherKey = randomBytes(32);

function api(id: string, url: string, backendSettings?: BackendSettings): GatewayApi {
  return makeApi({
    id,
    name: id,
    path: id,
    backends: [{ url, weight: 1 }],
    subscription: { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" },
    ...(backendSettings ? { backendSettings } : {}),
  });
}

beforeAll(async () => {
  factory = certificateFactory();
  const ca = factory.ca("backend-ca");
  const server = factory.leaf("backend", ca, { sans: ["IP:127.0.0.1", "DNS:localhost"], usage: "serverAuth" });
  const client = factory.leaf("gateway-client", ca);
  Object.assign(certs, { caCert: ca.cert, serverCert: server.cert, serverKey: server.key, clientCert: client.cert, clientKey: client.key });
  strangerCa = factory.ca("stranger-ca").cert;
  factory.cleanup(); // the PEMs are in memory now; no key stays on disk
  tlsBackend = await startControllableBackend("tls", { cert: certs.serverCert, key: certs.serverKey });
  mtlsBackend = await startControllableBackend("mtls", { cert: certs.serverCert, key: certs.serverKey, clientCa: certs.caCert });
  const clientKey = sealSecret(certs.clientKey, secretsKey, "backend-client-key");
  const withClientCert = { caCertificates: certs.caCert, clientCertificate: certs.clientCert };
  fx = await setUpFixture("backend-tls");
  await fx.publisher.publish(
    makeSnapshot({
      version: 1,
      products: [],
      subscriptions: [],
      apis: [
        api("own-ca", tlsBackend.url, { tls: { caCertificates: certs.caCert } }),
        api("system-ca", tlsBackend.url),
        api("wrong-ca", tlsBackend.url, { tls: { caCertificates: strangerCa } }),
        api("mtls", mtlsBackend.url, { tls: { ...withClientCert, clientKey } }),
        api("mtls-no-cert", mtlsBackend.url, { tls: { caCertificates: certs.caCert } }),
        api("mtls-wrong-key", mtlsBackend.url, { tls: { ...withClientCert, clientKey: sealSecret(certs.clientKey, otherKey, "backend-client-key") } }),
      ],
    }),
  );
  gatewayUrl = (await fx.startGateway({ secretsKey, backendTimeoutMs: 3000 })).url;
});
afterAll(async () => {
  await fx?.teardown();
  await Promise.all([tlsBackend?.stop(), mtlsBackend?.stop()]);
});

async function call(path: string) {
  const res = await fetch(`${gatewayUrl}${path}`);
  return { status: res.status, body: (await res.json()) as { backend?: string; clientCertificate?: string | null; error?: { code: string } } };
}

describe("backends over https", () => {
  it("verifies the backend against the API's CA bundle", async () => {
    expect(await call("/own-ca/a")).toEqual({ status: 200, body: { backend: "tls", clientCertificate: null } });
  });

  it.each([
    ["system-ca", "the system CAs do not know the test CA"],
    ["wrong-ca", "a bundle with another CA"],
  ])("refuses an unverifiable backend with 502 backend_unavailable (%s: %s)", async (path) => {
    const { status, body } = await call(`/${path}/a`);
    expect([status, body.error?.code]).toEqual([502, "backend_unavailable"]);
    expect(tlsBackend.received.filter((r) => r.url === "/a")).toHaveLength(1); // only own-ca's request got through
  });

  it("presents the client certificate to a backend that requires one (mTLS)", async () => {
    expect(await call("/mtls/a")).toEqual({ status: 200, body: { backend: "mtls", clientCertificate: "gateway-client" } });
  });

  it("without a client certificate the mTLS backend refuses the handshake: 502", async () => {
    const { status, body } = await call("/mtls-no-cert/a");
    expect([status, body.error?.code]).toEqual([502, "backend_unavailable"]);
  });

  it("a client key sealed under another GATEWAY_SECRETS_KEY is not used: 502, and the log says why without the key", async () => {
    const { status, body } = await call("/mtls-wrong-key/a");
    expect([status, body.error?.code]).toEqual([502, "backend_unavailable"]);
    const problem = fx.logLines.find((l) => l.includes("backend TLS settings unusable"));
    expect(problem).toContain("but this gateway holds");
    expect(fx.logLines.join("\n")).not.toContain("PRIVATE KEY");
  });
});
