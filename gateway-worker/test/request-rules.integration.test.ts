// Header rules, the body size limit and request validation through a running
// gateway, and which scope's rule wins (operation over API over product over
// workspace): what the backend receives and what the client is answered.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayConfigSnapshotSchema, type GatewayApi } from "../src/contract/config-snapshot";
import { getJson, KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { rawRequest } from "./helpers/raw-http";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

let fx: Fixture;
let url: string;
const withKey = { [KEY_HEADER]: KEY };

const orderSchema = {
  type: "object",
  required: ["sku", "quantity"],
  properties: { sku: { type: "string", minLength: 3 }, quantity: { type: "integer", minimum: 1 }, note: { type: "string", nullable: true } },
  additionalProperties: false,
};

beforeAll(async () => {
  fx = await setUpFixture("request-rules");
  const api = (id: string, path: string, extra: Partial<GatewayApi>) => makeApi({ id, path, backends: [{ url: fx.backend.url, weight: 1 }], ...extra });
  await fx.publisher.publish(
    makeSnapshot({
      defaults: { maxRequestBodyBytes: 10 },
      apis: [
        api("api-headers", "headers", {
          policy: {
            headerRules: {
              request: { set: { "X-Env": "prod", [KEY_HEADER]: "leaked" }, remove: ["X-Internal"] },
              response: { set: { "X-Served-By": "portcullis" }, remove: ["X-Backend"] },
            },
          },
        }),
        api("api-body", "body", { policy: { maxRequestBodyBytes: 100 } }),
        api("api-validated", "validated", {
          policy: { requestValidation: true, maxRequestBodyBytes: 10_000 },
          operations: [
            {
              method: "POST",
              path: "/orders/{orderId}",
              validation: {
                parameters: [
                  { name: "orderId", in: "path", required: true, schema: { type: "integer" } },
                  { name: "limit", in: "query", required: false, schema: { type: "integer", maximum: 50 } },
                  { name: "X-Trace", in: "header", required: true, schema: { type: "string", pattern: "^t-" } },
                ],
                body: { required: true, schema: orderSchema },
              },
            },
            { method: "POST", path: "/unchecked", policy: { requestValidation: false }, validation: { parameters: [], body: { required: true, schema: orderSchema } } },
          ],
        }),
        // Precedence: workspace 10 bytes, product 20, API 30, operation 40.
        api("api-scoped", "scoped", { policy: { maxRequestBodyBytes: 30 }, operations: [{ method: "POST", path: "/op", policy: { maxRequestBodyBytes: 40 } }, { method: "POST", path: "/api" }] }),
        api("api-product", "product", {}),
        api("api-workspace", "workspace", {}),
      ],
      products: [
        makeProduct({ apiIds: ["api-headers", "api-body", "api-validated", "api-scoped", "api-product"], policy: { maxRequestBodyBytes: 20 } }),
        makeProduct({ id: "prod-plain", name: "Plain", apiIds: ["api-workspace"] }),
      ],
      subscriptions: [makeSubscription({ keys: [KEY] }), makeSubscription({ id: "sub-plain", productId: "prod-plain", keys: ["plain-key-0123456789"] })],
    }),
  );
  url = (await fx.startGateway()).url;
});
afterAll(() => fx?.teardown());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...withKey, ...headers }, body });

describe("header rules", () => {
  it("sets and removes request headers; the subscription key header stays out even when a rule sets it", async () => {
    fx.backend.received.length = 0;
    const res = await getJson(`${url}/headers/x`, { ...withKey, "x-internal": "secret", "x-env": "dev" });
    expect(res.status).toBe(200);
    const seen = fx.backend.received[0].headers;
    expect(seen["x-env"]).toBe("prod");
    expect(seen["x-internal"]).toBeUndefined();
    expect(seen[KEY_HEADER]).toBeUndefined();
  });

  it("sets and removes response headers", async () => {
    const res = await getJson(`${url}/headers/x`, withKey);
    expect(res.headers.get("x-served-by")).toBe("portcullis");
    expect(res.headers.get("x-backend")).toBeNull();
  });

  it("never forwards a header the client named in Connection, nor relays the backend's hop-by-hop ones", async () => {
    fx.backend.received.length = 0;
    const res = await rawRequest(
      url,
      `GET /headers/hop HTTP/1.1\r\nHost: x\r\n${KEY_HEADER}: ${KEY}\r\nConnection: close, x-env, x-secret\r\nX-Secret: s\r\n\r\n`,
    );
    expect(res.status).toBe(200);
    const seen = fx.backend.received[0].headers;
    expect(seen["x-secret"]).toBeUndefined();
    expect(seen["x-env"]).toBe("prod"); // the rule's value, not the client's connection-only one
    expect(res.headers["x-backend-secret"]).toBeUndefined();
    expect(res.headers["keep-alive"]).toBeUndefined();
  });

  it.each(["Connection", "Transfer-Encoding", "Host", "X-Forwarded-For", "TE"])("refuses a rule naming %s in the contract", (name) => {
    const snapshot = makeSnapshot({ apis: [makeApi({ policy: { headerRules: { request: { set: { [name]: "x" } } } } })] });
    expect(gatewayConfigSnapshotSchema.safeParse(snapshot).success).toBe(false);
  });
});

describe("body size limit", () => {
  it("answers 413 payload_too_large from Content-Length before reading the body, and forwards nothing", async () => {
    fx.backend.received.length = 0;
    const res = await post("/body/x", "x".repeat(101));
    expect([res.status, (await res.json()).error.code]).toEqual([413, "payload_too_large"]);
    expect(fx.backend.received).toHaveLength(0);
    expect((await post("/body/x", "x".repeat(100))).status).toBe(200);
  });

  it("cuts a chunked body with 413 as soon as it streams past the limit, never waiting for its end", async () => {
    const res = await rawRequest(url, (socket) => {
      socket.write(`POST /body/x HTTP/1.1\r\nHost: x\r\n${KEY_HEADER}: ${KEY}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      socket.write(`50\r\n${"a".repeat(80)}\r\n`);
      socket.write(`50\r\n${"b".repeat(80)}\r\n`); // 160 bytes: over the limit, and the body never ends
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("payload_too_large");
  });

  it("forwards a chunked body under the limit whole", async () => {
    fx.backend.received.length = 0;
    const res = await streamed("/body/x", ["a".repeat(40), "b".repeat(40)]);
    expect(res.status).toBe(200);
    expect(fx.backend.received[0].bodyLength).toBe(80);
  });
});

describe("request validation", () => {
  const valid = JSON.stringify({ sku: "abc-1", quantity: 2 });

  it("forwards a request that matches the operation's schemas, body intact", async () => {
    fx.backend.received.length = 0;
    const res = await post("/validated/orders/42?limit=5", valid, { "x-trace": "t-1" });
    expect(res.status).toBe(200);
    expect(fx.backend.received[0].bodyLength).toBe(Buffer.byteLength(valid));
  });

  it("answers 400 request_invalid listing every problem with its JSON pointer", async () => {
    fx.backend.received.length = 0;
    const res = await post("/validated/orders/abc?limit=500", JSON.stringify({ sku: "ab", extra: true }), { "x-trace": "nope" });
    const body = await res.json();
    expect([res.status, body.error.code]).toEqual([400, "request_invalid"]);
    const pointers = body.error.details.map((d: { pointer: string }) => d.pointer).sort();
    expect(pointers).toEqual(["/body", "/body/quantity", "/body/sku", "/header/x-trace", "/path/orderId", "/query/limit"]);
    expect(fx.backend.received).toHaveLength(0);
  });

  it.each([
    ["no body", undefined, "/body", "is required"],
    ["a body that is not JSON", "{not json", "/body", "is not valid JSON"],
    ["a missing required header", valid, "/header/x-trace", "is required"],
  ])("refuses %s", async (_label, body, pointer, message) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...withKey };
    if (pointer !== "/header/x-trace") headers["x-trace"] = "t-2";
    const res = await fetch(`${url}/validated/orders/1`, { method: "POST", headers, body });
    const answer = await res.json();
    expect(res.status).toBe(400);
    expect(answer.error.details).toContainEqual({ pointer, message });
  });

  it("skips an operation that opts out with requestValidation: false", async () => {
    expect((await post("/validated/unchecked", "{}")).status).toBe(200);
  });
});

describe("scope precedence (operation over API over product over workspace)", () => {
  it.each([
    ["the operation's 40 bytes", "/scoped/op", 40],
    ["the API's 30 bytes", "/scoped/api", 30],
    ["the product's 20 bytes", "/product/x", 20],
  ])("applies %s", async (_label, path, limit) => {
    expect((await post(path, "x".repeat(limit))).status).toBe(200);
    expect((await post(path, "x".repeat(limit + 1))).status).toBe(413);
  });

  it("applies the workspace default where no narrower scope sets one", async () => {
    const headers = { [KEY_HEADER]: "plain-key-0123456789" };
    expect((await post("/workspace/x", "x".repeat(10), headers)).status).toBe(200);
    expect((await post("/workspace/x", "x".repeat(11), headers)).status).toBe(413);
  });
});

/** A POST whose body is sent chunked, in these pieces. */
function streamed(path: string, pieces: string[]): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method: "POST", headers: withKey }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on("error", reject);
    for (const piece of pieces) req.write(piece);
    req.end();
  });
}
