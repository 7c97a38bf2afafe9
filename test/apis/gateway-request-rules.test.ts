// An API's request rules from the management API to a running gateway: what
// PATCH /apis/{id} accepts and refuses, that each rule is audited and reaches
// the gateway (CORS preflight, IP filter, header rules, body size, request
// validation against the revision's schema), operation policies, and which
// scope wins, answered by GET /apis/{id}/effective-policy and seen at the gateway.
import { afterAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as effectiveRoute from "@/app/api/v1/apis/[apiId]/effective-policy/route";
import * as operationPoliciesRoute from "@/app/api/v1/apis/[apiId]/operation-policies/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { readLatestSnapshot } from "../support/latest-snapshot";

const stack = useInProcessStack();
const patchApi = (apiId: string, body: unknown) => callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId }, body });
const effective = (apiId: string, query: string) => callRoute(effectiveRoute.GET, { params: { apiId }, path: `/apis/${apiId}/effective-policy?${query}` });
const putOperationPolicy = (apiId: string, body: unknown) => callRoute(operationPoliciesRoute.PUT, { method: "PUT", params: { apiId }, body });
const setWorkspaceDefaults = (gatewayPolicy: unknown) => callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { gatewayPolicy } });

const openApi = async () => importedApi({ path: uniquePath("rules"), backendUrl: stack.backendUrl, subscriptionRequired: false });
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.gatewayUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

afterAll(async () => {
  await setWorkspaceDefaults({ maxRequestBodyBytes: null, ipFilter: null });
});

describe("PATCH /apis/{id} request rules", () => {
  it.each([
    ["* with credentials", { cors: { allowedOrigins: ["*"], allowCredentials: true } }],
    ["an origin with a path", { cors: { allowedOrigins: ["https://app.example.com/x"] } }],
    ["an origin with a trailing slash", { cors: { allowedOrigins: ["https://app.example.com/"] } }],
    ["no origins", { cors: { allowedOrigins: [] } }],
    ["an unknown CORS field", { cors: { allowedOrigins: ["*"], allowedMethods: ["GET"] } }],
    ["a CIDR that is not one", { ipFilter: { allow: ["10.0.0.0/33"] } }],
    ["an address that is not one", { ipFilter: { deny: ["300.1.1.1"] } }],
    ["an empty filter", { ipFilter: {} }],
    ["a hop-by-hop header rule", { headerRules: { request: { set: { Connection: "close" } } } }],
    ["a forwarding header rule", { headerRules: { request: { remove: ["X-Forwarded-For"] } } }],
    ["a header name with a space", { headerRules: { response: { set: { "X Bad": "1" } } } }],
    ["a header value with CR/LF", { headerRules: { response: { set: { "X-Ok": "a\r\nSet-Cookie: x" } } } }],
    ["the subscription key header", { headerRules: { request: { set: { "Ocp-Apim-Subscription-Key": "k" } } } }],
    ["a zero body limit", { maxRequestBodyBytes: 0 }],
    ["a non-boolean validation switch", { requestValidation: "yes" }],
  ])("refuses %s with 400 validation_failed", async (_label, body) => {
    const { id } = await openApi();
    const res = await patchApi(id, body);
    expect([res.status, res.body.error.code]).toEqual([400, "validation_failed"]);
  });

  it("stores, answers and audits the rules; null turns one off", async () => {
    const { id } = await openApi();
    const rules = {
      cors: { allowedOrigins: ["https://app.example.com"], allowCredentials: true, maxAgeSeconds: 300 },
      ipFilter: { allow: ["127.0.0.0/8", "::1"], deny: ["10.0.0.0/8"] },
      headerRules: { request: { set: { "X-Env": "prod" }, remove: ["X-Debug"] }, response: { remove: ["Server"] } },
      maxRequestBodyBytes: 1024,
      requestValidation: true,
    };
    const res = await patchApi(id, rules);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(rules);
    const audit = await callRoute(auditRoute.GET, { path: `/audit-events?entityId=${id}&action=api.updated` });
    expect(audit.body.items[0]).toMatchObject({ before: { cors: null, requestValidation: false }, after: { cors: rules.cors, requestValidation: true } });

    const cleared = await patchApi(id, { cors: null });
    expect(cleared.body).toMatchObject({ cors: null, ipFilter: rules.ipFilter, maxRequestBodyBytes: 1024 });
  });
});

describe("the rules at the gateway", () => {
  it("answers CORS preflights, validates requests against the revision's schema, limits bodies, sets headers, filters addresses", async () => {
    const api = await openApi();
    const base = `/${api.path}`;
    await patchApi(api.id, {
      cors: { allowedOrigins: ["https://app.example.com"] },
      requestValidation: true,
      maxRequestBodyBytes: 200,
      headerRules: { request: { set: { "X-Env": "prod" } }, response: { set: { "X-Served-By": "portcullis" } } },
    });
    await waitFor(async () => {
      const res = await fetch(`${stack.gatewayUrl}${base}/orders`, {
        method: "OPTIONS",
        headers: { origin: "https://app.example.com", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
      expect([res.status, res.headers.get("access-control-allow-origin")]).toEqual([204, "https://app.example.com"]);
    }, 5000);

    const invalid = await post(`${base}/orders`, JSON.stringify({ item: "tea", quantity: 0 }));
    const answer = await invalid.json();
    expect([invalid.status, answer.error.code]).toEqual([400, "request_invalid"]);
    expect(answer.error.details).toEqual([{ pointer: "/body/quantity", message: "must be >= 1" }]);
    const created = await post(`${base}/orders`, JSON.stringify({ item: "tea", quantity: 2 }));
    expect(created.status).toBe(201); // the demo backend stored it: the body reached it intact
    expect(created.headers.get("x-served-by")).toBe("portcullis");
    expect((await post(`${base}/orders`, JSON.stringify({ item: "t".repeat(300), quantity: 1 }))).status).toBe(413);
    const echo = await callGateway(stack, `${base}/echo`);
    expect(echo.body.headers["x-env"]).toBe("prod");

    await patchApi(api.id, { ipFilter: { deny: ["127.0.0.1", "::1"] } });
    await waitFor(async () => {
      const refused = await callGateway(stack, `${base}/hello`);
      expect([refused.status, refused.body?.error?.code]).toEqual([403, "ip_forbidden"]);
    }, 5000);
  });
});

describe("operation policies and scope precedence", () => {
  it("sets, lists and removes an operation's own rules; refuses operations the revision lacks", async () => {
    const api = await openApi();
    const missing = await putOperationPolicy(api.id, { method: "DELETE", path: "/orders", policy: { maxRequestBodyBytes: 5 } });
    expect(missing.status).toBe(404);

    const put = await putOperationPolicy(api.id, { method: "post", path: "/orders", policy: { maxRequestBodyBytes: 5 } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ method: "POST", path: "/orders", policy: { maxRequestBodyBytes: 5 }, inCurrentRevision: true });
    const listed = await callRoute(operationPoliciesRoute.GET, { params: { apiId: api.id } });
    expect(listed.body.items).toHaveLength(1);
    const audit = await callRoute(auditRoute.GET, { path: `/audit-events?entityId=${api.id}&action=api.operation_policy_updated` });
    expect(audit.body.items[0]).toMatchObject({ after: { method: "POST", path: "/orders", policy: { maxRequestBodyBytes: 5 } } });

    await waitFor(async () => expect((await post(`/${api.path}/orders`, JSON.stringify({ item: "tea", quantity: 1 }))).status).toBe(413), 5000);
    expect((await callGateway(stack, `/${api.path}/hello`)).status).toBe(200); // other operations keep the API's rules

    const removed = await callRoute(operationPoliciesRoute.DELETE, {
      method: "DELETE",
      params: { apiId: api.id },
      path: `/apis/${api.id}/operation-policies?method=POST&path=${encodeURIComponent("/orders")}`,
    });
    expect(removed.status).toBe(204);
    await waitFor(async () => expect((await post(`/${api.path}/orders`, JSON.stringify({ item: "tea", quantity: 1 }))).status).toBe(201), 5000);
  });

  it("answers what applies and from which scope: operation over API over product over workspace", async () => {
    const api = await openApi();
    const product = await callRoute(productsRoute.POST, { method: "POST", path: "/products", body: { name: uniquePath("rules-product"), apiIds: [api.id], rateLimit: { calls: 100, periodSeconds: 60 } } });
    expect(product.status).toBe(201);
    const productId = product.body.id;
    const scopeOf = async (query: string, rule: string) => {
      const res = await effective(api.id, query);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.rules.find((r: { name: string }) => r.name === rule);
    };
    const query = `method=POST&path=/orders&productId=${productId}`;

    expect((await setWorkspaceDefaults({ maxRequestBodyBytes: 1000, ipFilter: { deny: ["192.0.2.0/24"] } })).status).toBe(200);
    expect(await scopeOf(query, "maxRequestBodyBytes")).toEqual({ name: "maxRequestBodyBytes", scope: "workspace", value: 1000 });

    const patched = await callRoute(productRoute.PATCH, { method: "PATCH", params: { productId }, body: { policy: { maxRequestBodyBytes: 500 } } });
    expect(patched.body.policy).toEqual({ maxRequestBodyBytes: 500 });
    expect(await scopeOf(query, "maxRequestBodyBytes")).toMatchObject({ scope: "product", value: 500 });
    // Without the caller's product only the other scopes apply.
    expect(await scopeOf("method=POST&path=/orders", "maxRequestBodyBytes")).toMatchObject({ scope: "workspace", value: 1000 });

    await patchApi(api.id, { maxRequestBodyBytes: 300 });
    expect(await scopeOf(query, "maxRequestBodyBytes")).toMatchObject({ scope: "api", value: 300 });

    await putOperationPolicy(api.id, { method: "POST", path: "/orders", policy: { maxRequestBodyBytes: 200 } });
    const all = await effective(api.id, query);
    expect(all.body.operation).toEqual({ method: "POST", path: "/orders" });
    expect(all.body.rules).toEqual(
      expect.arrayContaining([
        { name: "maxRequestBodyBytes", scope: "operation", value: 200 },
        { name: "ipFilter", scope: "workspace", value: { deny: ["192.0.2.0/24"] } },
      ]),
    );
    expect(all.body.limits).toEqual([{ kind: "rateLimit", scope: "product", value: { calls: 100, periodSeconds: 60 } }]);
    // A request path finds its operation too; other operations do not see the operation's rule.
    expect((await effective(api.id, "method=GET&path=/orders/42")).body.operation).toEqual({ method: "GET", path: "/orders/{orderId}" });
    expect(await scopeOf("method=GET&path=/orders", "maxRequestBodyBytes")).toMatchObject({ scope: "api", value: 300 });

    // The gateway applies the same answer: the operation's 200 bytes.
    await waitFor(async () => expect((await post(`/${api.path}/orders`, JSON.stringify({ item: "x".repeat(220), quantity: 1 }))).status).toBe(413), 5000);
    expect((await post(`/${api.path}/orders`, JSON.stringify({ item: "x".repeat(150), quantity: 1 }))).status).toBe(201);
  });

  it("refuses CORS at product scope and unknown products in the effective-policy query", async () => {
    const api = await openApi();
    const product = await callRoute(productsRoute.POST, { method: "POST", path: "/products", body: { name: uniquePath("cors-product"), apiIds: [api.id] } });
    const cors = await callRoute(productRoute.PATCH, { method: "PATCH", params: { productId: product.body.id }, body: { policy: { cors: { allowedOrigins: ["*"] } } } });
    expect(cors.status).toBe(400);
    expect((await effective(api.id, "method=GET&path=/hello&productId=nope")).status).toBe(404);
  });

  it("ships the workspace defaults, and operation schemas only for APIs that validate", async () => {
    const validating = await openApi();
    const plain = await openApi();
    await setWorkspaceDefaults({ maxRequestBodyBytes: 4096 });
    await patchApi(validating.id, { requestValidation: true });
    const snapshot = await readLatestSnapshot();
    expect(snapshot.defaults).toMatchObject({ maxRequestBodyBytes: 4096 });
    const opsOf = (id: string) => snapshot.apis.find((a) => a.id === id)?.operations ?? [];
    const createOrder = opsOf(validating.id).find((o) => o.method === "POST" && o.path === "/orders");
    expect(createOrder?.validation?.body).toMatchObject({ required: true, schema: { type: "object", required: ["item", "quantity"] } });
    expect(opsOf(plain.id).every((o) => o.validation === undefined)).toBe(true);
  });
});
