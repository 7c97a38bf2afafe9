// TLS at the gateway, through a real gateway with certificates made here:
// the HTTPS listener (same APIs and policies as plain HTTP, TLS 1.2+), the
// certificate swapped from the console's snapshot without dropping an open
// connection, redirect from HTTP and HSTS per API, and mutual TLS per API
// against the API's own CA bundle.
import { randomBytes } from "node:crypto";
import https from "node:https";
import type { IncomingHttpHeaders } from "node:http";
import type { TLSSocket } from "node:tls";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { GatewayApi } from "../src/contract/config-snapshot";
import { sealSecret } from "../src/contract/sealed-secret";
import type { Gateway } from "../src/server";
import { getJson, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeApi, makeSnapshot } from "./helpers/snapshots";
import { certificateFactory, type CertificateFactory, type TestCertificate } from "./helpers/test-certificates";
import { waitFor } from "./helpers/wait-for";

interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { error?: { code: string; message: string }; headers?: IncomingHttpHeaders } & Record<string, unknown>;
  /** CN of the certificate the gateway presented on this connection. */
  serverCn: string;
  reusedSocket: boolean;
}

let fx: Fixture;
let certs: CertificateFactory;
let live: { gateway: Gateway; url: string };
let httpsPort: number;
const secretsKey = randomBytes(32);
let serverCa: TestCertificate, serverA: TestCertificate, serverB: TestCertificate;
let clientCa: TestCertificate, intermediate: TestCertificate, otherCa: TestCertificate;
let goodClient: TestCertificate, chainedClient: TestCertificate, expiredClient: TestCertificate;
let strangerClient: TestCertificate, serverOnlyClient: TestCertificate;

function request(path: string, opts: { client?: TestCertificate; agent?: https.Agent; headers?: Record<string, string> } = {}) {
  return new Promise<HttpsAnswer>((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port: httpsPort,
        path,
        ca: serverCa.cert,
        servername: "localhost",
        ...(opts.client ? { cert: opts.client.cert, key: opts.client.key } : {}),
        agent: opts.agent ?? false,
        headers: opts.headers,
      },
      (res) => {
        const socket = res.socket as TLSSocket;
        const serverCn = String(socket.getPeerCertificate().subject?.CN ?? "");
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {}, serverCn, reusedSocket: req.reusedSocket }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function handshake(options: tls.ConnectionOptions) {
  return new Promise<string>((resolve, reject) => {
    const socket = tls.connect({ host: "127.0.0.1", port: httpsPort, ca: serverCa.cert, servername: "localhost", ...options }, () => {
      const version = socket.getProtocol() ?? "";
      socket.end();
      resolve(version);
    });
    socket.on("error", reject);
  });
}

const api = (id: string, path: string, tlsSettings: GatewayApi["tls"]) =>
  makeApi({ id, path, backends: [{ url: fx.backend.url, weight: 1 }], subscription: { required: false, header: "k", query: "k" }, tls: tlsSettings });

function snapshot(version: number, gatewayTls?: TestCertificate) {
  return makeSnapshot({
    version,
    apis: [
      api("api-open", "open", undefined),
      api("api-secure", "secure", { httpsRedirect: true, hsts: { maxAgeSeconds: 31_536_000, includeSubDomains: true } }),
      api("api-mtls", "mtls", { mtls: { required: true, caCertificates: clientCa.cert }, hsts: { maxAgeSeconds: 600, includeSubDomains: false } }),
      api("api-mtls-optional", "mtls-optional", { mtls: { required: false, caCertificates: clientCa.cert } }),
      { ...api("api-mtls-ws", "mtls-ws", { mtls: { required: true, caCertificates: clientCa.cert } }), allowWebSockets: true },
    ],
    products: [],
    subscriptions: [],
    ...(gatewayTls ? { gatewayTls: { certificate: gatewayTls.cert, privateKey: sealSecret(gatewayTls.key, secretsKey, "gateway-tls-key") } } : {}),
  });
}

beforeAll(async () => {
  certs = certificateFactory();
  serverCa = certs.ca("server-ca");
  const serverSans = { sans: ["DNS:localhost", "IP:127.0.0.1"], usage: "serverAuth" as const };
  serverA = certs.leaf("gateway-a", serverCa, serverSans);
  serverB = certs.leaf("gateway-b", serverCa, serverSans);
  clientCa = certs.ca("client-ca");
  intermediate = certs.ca("client-intermediate", clientCa);
  otherCa = certs.ca("other-ca");
  goodClient = certs.leaf("orders-service", clientCa, { sans: ["DNS:orders.internal", "URI:spiffe://acme/orders"] });
  chainedClient = certs.leaf("billing-service", intermediate, { chain: [intermediate] });
  expiredClient = certs.leaf("expired-service", clientCa, { days: -1 });
  strangerClient = certs.leaf("stranger", otherCa);
  serverOnlyClient = certs.leaf("server-only", clientCa, { usage: "serverAuth" });

  fx = await setUpFixture("tls");
  await fx.publisher.publish(snapshot(1));
  live = await fx.startGateway({ secretsKey, https: { port: 0, host: "127.0.0.1", certFile: serverA.certFile, keyFile: serverA.keyFile } });
  httpsPort = live.gateway.httpsPort()!;
});
afterAll(async () => {
  await fx?.teardown();
  certs?.cleanup();
});

describe("the HTTPS listener", () => {
  it("serves the same APIs and policies as plain HTTP, with the certificate from the files", async () => {
    const [overHttps, overHttp] = await Promise.all([request("/open/orders?x=1"), getJson(`${live.url}/open/orders?x=1`)]);
    expect([overHttps.status, overHttps.serverCn, overHttps.body.url]).toEqual([200, "gateway-a", "/orders?x=1"]);
    expect(overHttps.body.headers?.["x-forwarded-proto"]).toBe("https");
    expect([overHttp.status, overHttp.body.url]).toEqual([200, "/orders?x=1"]);
    const unknown = await request("/nowhere");
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, "route_not_found"]);
  });

  it("refuses TLS 1.1 and accepts TLS 1.2 and 1.3", async () => {
    // SECLEVEL=0 lets this client offer TLS 1.1 at all, so the refusal is the gateway's.
    const legacy = { minVersion: "TLSv1" as const, maxVersion: "TLSv1.1" as const, ciphers: "DEFAULT@SECLEVEL=0" };
    await expect(handshake(legacy)).rejects.toThrow(/protocol version|unsupported protocol|alert/i);
    expect(await handshake({ minVersion: "TLSv1.2", maxVersion: "TLSv1.2" })).toBe("TLSv1.2");
    expect(await handshake({ minVersion: "TLSv1.3" })).toBe("TLSv1.3");
  });

  it("swaps in the console's certificate for new connections while an open keep-alive connection keeps working", async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = await request("/open/a", { agent });
      expect([before.status, before.serverCn]).toEqual([200, "gateway-a"]);

      await fx.publisher.publish(snapshot(2, serverB));
      await waitFor(async () => expect((await request("/open/b")).serverCn).toBe("gateway-b"));

      const onOpenConnection = await request("/open/c", { agent });
      expect([onOpenConnection.status, onOpenConnection.reusedSocket, onOpenConnection.serverCn]).toEqual([200, true, "gateway-a"]);
      // The swapped-in context is TLS 1.2+ as well.
      await expect(handshake({ minVersion: "TLSv1", maxVersion: "TLSv1.1", ciphers: "DEFAULT@SECLEVEL=0" })).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });

  it("keeps serving the last certificate, and applies the rest of the config, when the console's key cannot be opened", async () => {
    const foreign = snapshot(3);
    foreign.gatewayTls = { certificate: serverA.cert, privateKey: sealSecret(serverA.key, randomBytes(32), "gateway-tls-key") };
    await fx.publisher.publish(foreign);
    await waitFor(async () => expect(live.gateway.currentVersion()).toBe(3));
    expect((await request("/open/x")).serverCn).toBe("gateway-b");
    expect(fx.logLines.join("\n")).toMatch(/cannot be used; keeping the current one/);
  });

  it("returns to the files' certificate when the console's is removed", async () => {
    await fx.publisher.publish(snapshot(4));
    await waitFor(async () => expect((await request("/open/y")).serverCn).toBe("gateway-a"));
  });
});

describe("redirect from HTTP and HSTS, per API", () => {
  it("answers a plain-HTTP request of an API with httpsRedirect 308 to the same URL over https", async () => {
    const res = await fetch(`${live.url}/secure/orders/7?page=2`, { redirect: "manual" });
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`https://127.0.0.1:${httpsPort}/secure/orders/7?page=2`);
    expect(res.headers.get("strict-transport-security")).toBeNull(); // never over plain HTTP
    const followed = await request("/secure/orders/7?page=2");
    expect([followed.status, followed.body.url]).toEqual([200, "/orders/7?page=2"]);
  });

  it("believes X-Forwarded-Proto: https only from a trusted proxy that terminated TLS, so the redirect cannot loop", async () => {
    const spoofed = await fetch(`${live.url}/secure/a`, { redirect: "manual", headers: { "x-forwarded-proto": "https" } });
    expect(spoofed.status).toBe(308); // the test client is no trusted proxy of this gateway
    const behindProxy = await fx.startGateway({ trustedProxies: ["127.0.0.1"] });
    await waitFor(async () => expect(behindProxy.gateway.currentVersion()).not.toBeNull());
    const terminated = await fetch(`${behindProxy.url}/secure/a`, { redirect: "manual", headers: { "x-forwarded-proto": "https" } });
    expect([terminated.status, terminated.headers.get("strict-transport-security")]).toEqual([200, "max-age=31536000; includeSubDomains"]);
    const plain = await fetch(`${behindProxy.url}/secure/a?q=1`, { redirect: "manual" });
    // No HTTPS listener of its own: the redirect goes to the standard port.
    expect([plain.status, plain.headers.get("location")]).toEqual([308, "https://127.0.0.1/secure/a?q=1"]);
    // A proxy's word is no client certificate.
    expect((await getJson(`${behindProxy.url}/mtls/a`, { "x-forwarded-proto": "https" })).body.error.code).toBe("client_certificate_required");
  });

  it("sends Strict-Transport-Security on the API's HTTPS answers, rejections included, and only on that API", async () => {
    const hsts = "max-age=31536000; includeSubDomains";
    expect((await request("/secure/a")).headers["strict-transport-security"]).toBe(hsts);
    const refused = await request("/mtls/a");
    expect([refused.status, refused.headers["strict-transport-security"]]).toEqual([401, "max-age=600"]);
    expect((await request("/open/a")).headers["strict-transport-security"]).toBeUndefined();
    expect((await getJson(`${live.url}/open/a`)).headers.get("location")).toBeNull(); // no redirect without httpsRedirect
  });
});

describe("mutual TLS, per API", () => {
  it.each([
    ["no certificate", undefined, "client_certificate_required", /requires a client certificate/],
    ["a certificate from another CA", () => strangerClient, "client_certificate_invalid", /not issued by a CA this API trusts/],
    ["an expired certificate", () => expiredClient, "client_certificate_invalid", /expired/],
    ["a certificate not meant for client authentication", () => serverOnlyClient, "client_certificate_invalid", /client authentication/],
  ])("refuses %s with 401 %s", async (_what, client, code, message) => {
    const res = await request("/mtls/orders", { client: client?.() });
    expect([res.status, res.body.error?.code]).toEqual([401, code]);
    expect(res.body.error?.message).toMatch(message);
  });

  it("refuses an mTLS API over plain HTTP (no handshake, no certificate)", async () => {
    const res = await getJson(`${live.url}/mtls/orders`);
    expect([res.status, res.body.error.code]).toEqual([401, "client_certificate_required"]);
  });

  it("passes a good certificate: the backend gets it in Client-Cert (RFC 9440) and the access log names the caller", async () => {
    fx.backend.received.length = 0;
    const res = await request("/mtls/orders", { client: goodClient, headers: { "client-cert": ":Zm9yZ2Vk:" } });
    expect(res.status).toBe(200);
    const der = new (await import("node:crypto")).X509Certificate(goodClient.cert).raw.toString("base64");
    expect(fx.backend.received[0].headers["client-cert"]).toBe(`:${der}:`);
    const line = fx.logLines.map((l) => JSON.parse(l)).find((l) => l.msg === "request" && l.path === "/mtls/orders" && l.status === 200);
    expect(line.clientCertificate.subject).toBe("CN=orders-service, O=Portcullis Test");
    expect(line.clientCertificate.sans).toEqual(["DNS:orders.internal", "URI:spiffe://acme/orders"]);
    expect(line.clientCertificate.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it("passes a certificate issued by an intermediate the client sends along", async () => {
    expect((await request("/mtls/orders", { client: chainedClient })).status).toBe(200);
  });

  it("optional mTLS: no certificate passes, a bad one is refused", async () => {
    expect((await request("/mtls-optional/a")).status).toBe(200);
    expect((await request("/mtls-optional/a", { client: strangerClient })).body.error?.code).toBe("client_certificate_invalid");
  });

  it("applies to WebSocket upgrades over wss:// as well", async () => {
    const echo = (client?: TestCertificate) =>
      new Promise<string>((resolve, reject) => {
        const ws = new WebSocket(`wss://127.0.0.1:${httpsPort}/mtls-ws/socket`, {
          ca: serverCa.cert, // the gateway's certificate names IP 127.0.0.1 as well
          ...(client ? { cert: client.cert, key: client.key } : {}),
        });
        ws.once("open", () => ws.send("hi"));
        ws.once("message", (data) => {
          resolve(String(data));
          ws.close();
        });
        ws.once("unexpected-response", (_req, res) => resolve(`refused ${res.statusCode}`));
        ws.once("error", reject);
      });
    expect(await echo()).toBe("refused 401");
    expect(await echo(goodClient)).toBe("echo:hi");
  });

  it("drops a Client-Cert header the client sends itself, on every API", async () => {
    fx.backend.received.length = 0;
    await request("/open/a", { headers: { "client-cert": ":Zm9yZ2Vk:", "client-cert-chain": ":Zm9yZ2Vk:" } });
    expect(fx.backend.received[0].headers["client-cert"]).toBeUndefined();
    expect(fx.backend.received[0].headers["client-cert-chain"]).toBeUndefined();
  });
});
