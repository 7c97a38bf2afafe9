// PATCH /api/v1/apis/{id} with weighted backends and backend settings: what is
// accepted and refused (structured errors at their paths), what the resource
// shows (never the client key), what the audit log keeps, and what reaches the
// gateways: the weights through a running gateway, the key only sealed.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import { openSecret, secretsKeyFrom } from "@portcullis/gateway/contract/sealed-secret";
import { certificateFactory } from "@/gateway-worker/test/helpers/test-certificates";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { latestSnapshotKey, readLatestSnapshot } from "../support/latest-snapshot";

const stack = useInProcessStack();
const patchApi = (apiId: string, body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body });

const pem = { ca: "", clientCert: "", clientKey: "", otherKey: "" };
const servers: http.Server[] = [];
const hits: Record<string, number> = { a: 0, b: 0 };
const urls: Record<string, string> = {};

beforeAll(async () => {
  const factory = certificateFactory();
  const ca = factory.ca("console-backend-ca");
  const client = factory.leaf("console-gateway", ca);
  Object.assign(pem, { ca: ca.cert, clientCert: client.cert, clientKey: client.key, otherKey: factory.leaf("someone-else", ca).key });
  factory.cleanup();
  for (const name of ["a", "b"]) {
    const server = http.createServer((req, res) => {
      if (req.url !== "/healthz") hits[name]++; // the gateway's health checks are not traffic
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ name }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const settings = {
  healthCheck: { path: "/healthz", intervalSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
  passiveEjection: { consecutiveFailures: 3, ejectSeconds: 20 },
  retry: { maxRetries: 2 },
  circuitBreaker: { failureThreshold: 4, openSeconds: 15, halfOpenRequests: 2 },
  timeouts: { connectMs: 1500, responseMs: 8000 },
};

describe("weighted backends and backend settings", () => {
  it("stores weights and settings, shows them without the client key, and the gateway shares traffic by weight", async () => {
    const api = await importedApi({ path: uniquePath("weighted"), subscriptionRequired: false });
    const res = await patchApi(api.id, {
      backends: [{ url: urls.a, weight: 3 }, { url: urls.b, weight: 1 }],
      backendSettings: { ...settings, tls: { caCertificates: pem.ca, clientCertificate: pem.clientCert, clientKey: pem.clientKey } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.backends).toEqual([{ url: urls.a, weight: 3 }, { url: urls.b, weight: 1 }]);
    expect(res.body.backendUrls).toEqual([urls.a, urls.b]);
    expect(res.body.backendSettings).toMatchObject({ ...settings, tls: { caCertificates: pem.ca, clientCertificate: pem.clientCert, clientKeySet: true } });
    expect(JSON.stringify(res.body)).not.toContain("PRIVATE KEY");

    const [event] = await db().auditEvent.findMany({ where: { entityId: api.id, action: "api.updated" } });
    expect(event.after).toMatchObject({ backends: res.body.backends });
    expect(JSON.stringify(event)).not.toContain("PRIVATE KEY");

    // The gateways get the key sealed under GATEWAY_SECRETS_KEY, never in clear.
    expect(await redis().get(latestSnapshotKey())).not.toContain("PRIVATE KEY");
    const shipped = (await readLatestSnapshot()).apis.find((a) => a.id === api.id)!;
    expect(shipped.backends).toEqual(res.body.backends);
    expect(shipped.backendSettings).toMatchObject({ ...settings, tls: { caCertificates: pem.ca, clientCertificate: pem.clientCert } });
    expect(openSecret(shipped.backendSettings!.tls!.clientKey!, secretsKeyFrom(env().GATEWAY_SECRETS_KEY), "backend-client-key")).toBe(pem.clientKey);

    await waitFor(async () => expect((await fetch(`${stack.gatewayUrl}/${api.path}/hello`)).status).toBe(200), 5000);
    hits.a = hits.b = 0;
    for (let i = 0; i < 20; i++) expect((await fetch(`${stack.gatewayUrl}/${api.path}/hello`)).status).toBe(200);
    expect(hits).toEqual({ a: 15, b: 5 });
  });

  it("keeps the stored client key when a form sends the certificate without it, and backendUrls keeps the weights of URLs that stay", async () => {
    const api = await importedApi({ path: uniquePath("keep") });
    const tls = { caCertificates: pem.ca, clientCertificate: pem.clientCert };
    expect((await patchApi(api.id, { backendSettings: { tls: { ...tls, clientKey: pem.clientKey } } })).status).toBe(200);
    const again = await patchApi(api.id, { backendSettings: { retry: { maxRetries: 0 }, tls } });
    expect(again.body.backendSettings).toMatchObject({ retry: { maxRetries: 0 }, tls: { clientKeySet: true } });

    await patchApi(api.id, { backends: [{ url: urls.a, weight: 5 }, { url: urls.b, weight: 2 }] });
    const legacy = await patchApi(api.id, { backendUrls: [urls.b, "http://127.0.0.1:9/"] });
    expect(legacy.body.backends).toEqual([{ url: urls.b, weight: 2 }, { url: "http://127.0.0.1:9/", weight: 1 }]);
    expect(legacy.body.backendSettings.tls.clientKeySet).toBe(true); // settings untouched by a URL change

    const cleared = await patchApi(api.id, { backendSettings: null });
    expect(cleared.body.backendSettings).toMatchObject({ healthCheck: null, circuitBreaker: null, retry: { maxRetries: 1 }, tls: { clientKeySet: false } });
  });

  const tlsOf = (tls: Record<string, unknown>) => ({ backendSettings: { tls } });
  it.each([
    ["a URL that is not one", { backends: [{ url: "not a url", weight: 1 }] }, 400, "backends.0.url"],
    ["an ftp URL", { backends: [{ url: "ftp://files.example.com/", weight: 1 }] }, 400, "backends.0.url"],
    ["weight 0", { backends: [{ url: "http://a.example/", weight: 0 }] }, 400, "backends.0.weight"],
    ["a fractional weight", { backends: [{ url: "http://a.example/", weight: 1.5 }] }, 400, "backends.0.weight"],
    ["no backend", { backends: [] }, 400, "backends"],
    ["the same URL twice", { backends: [{ url: "http://a.example/", weight: 1 }, { url: "http://a.example/", weight: 2 }] }, 400, "backends"],
    ["backends and backendUrls", { backends: [{ url: "http://a.example/", weight: 1 }], backendUrls: ["http://b.example/"] }, 400, "backends"],
    ["a relative health path", { backendSettings: { healthCheck: { path: "health" } } }, 400, "backendSettings.healthCheck.path"],
    ["an unknown field", { backendSettings: { circuitBreaker: { failureThreshold: 2, coolDown: 3 } } }, 400, "backendSettings.circuitBreaker"],
    ["too many retries", { backendSettings: { retry: { maxRetries: 6 } } }, 400, "backendSettings.retry.maxRetries"],
    ["a zero connect timeout", { backendSettings: { timeouts: { connectMs: 0 } } }, 400, "backendSettings.timeouts.connectMs"],
    ["a CA bundle that is not PEM", tlsOf({ caCertificates: "hello" }), 400, "backendSettings.tls.caCertificates"],
    ["a private key in the CA bundle", () => tlsOf({ caCertificates: `${pem.ca}${pem.clientKey}` }), 400, "backendSettings.tls.caCertificates"],
    ["a client certificate without its key", () => tlsOf({ clientCertificate: pem.clientCert }), 400, "backendSettings.tls.clientKey"],
    ["a client key without its certificate", () => tlsOf({ clientKey: pem.clientKey }), 400, "backendSettings.tls.clientKey"],
    ["a key that is not PEM", () => tlsOf({ clientCertificate: pem.clientCert, clientKey: "secret" }), 400, "backendSettings.tls.clientKey"],
  ])("refuses %s with 400 validation_failed at its path", async (_label, body, status, path) => {
    const api = await importedApi({ path: uniquePath("bad-backends") });
    const res = await patchApi(api.id, typeof body === "function" ? body() : body);
    expect([res.status, res.body.error.code]).toEqual([status, "validation_failed"]);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("refuses a client key that does not belong to the certificate with 422 invalid_certificate, pointing at it", async () => {
    const api = await importedApi({ path: uniquePath("mismatch") });
    const res = await patchApi(api.id, tlsOf({ clientCertificate: pem.clientCert, clientKey: pem.otherKey }));
    expect([res.status, res.body.error.code]).toEqual([422, "invalid_certificate"]);
    expect(res.body.error.problems).toEqual([{ pointer: "/backendSettings/tls/clientKey", message: "does not belong to the client certificate" }]);
  });
});
