// The gateway decides (#16): CEL access rules of an API and of one operation, saved through the
// management API (a rule that does not compile is refused with its position), enforced by a
// running gateway (403 access_denied naming the rule, never the token), answered by the rule
// tester with the same evaluator; and identity forwarded to the backend in headers a client
// cannot inject, with the token stripped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as operationPoliciesRoute from "@/app/api/v1/apis/[apiId]/operation-policies/route";
import * as testRoute from "@/app/api/v1/apis/[apiId]/access-rules/test/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { clientCredentialsToken, realmWithReaderAndNobody, type RealmClient } from "../support/realm-clients";

let server: RealmIssuerServer;
// Before the stack: the issuer URL comes from NEXTAUTH_URL, which the server sets before env() is read.
beforeAll(async () => {
  server = await startRealmIssuerServer();
});
const stack = useInProcessStack();
const realm = `rules-${Math.random().toString(36).slice(2, 8)}`;
let issuer: string;
let reader: RealmClient;
let nobody: RealmClient;

beforeAll(async () => {
  ({ issuer, reader, nobody } = await realmWithReaderAndNobody(realm));
});
afterAll(async () => {
  await server?.close();
});

const RULES = [
  { name: "readers only", expression: "'orders-reader' in roles && client == 'reader'" },
  { name: "tenant acme", expression: 'request.headers["x-tenant"] == "acme"' },
  { name: "no deletes", effect: "deny", expression: 'request.method == "DELETE"' },
];

const patchApi = (apiId: string, body: Record<string, unknown>) => callRoute(apiRoute.PATCH, { method: "PATCH", path: `/apis/${apiId}`, params: { apiId }, body });

async function realmBoundApi(fields: Record<string, unknown>) {
  const path = uniquePath("rules");
  const api = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false });
  const res = await patchApi(api.id, { jwtRequirements: { realm }, ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: api.id as string, path };
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${token}`, ...extra } });

describe("access rules at the gateway", () => {
  it("refuses at save time a rule that does not compile, with the CEL problem and its position", async () => {
    const api = await importedApi({ path: uniquePath("bad-rule"), subscriptionRequired: false });
    const res = await patchApi(api.id, { accessRules: [{ name: "broken", expression: "claims.dept ==" }] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/CEL: syntax error.*line 1, column \d+/);
    const unknown = await patchApi(api.id, { accessRules: [{ name: "typo", expression: "clams.dept == 'x'" }] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("undeclared reference to 'clams'");
  });

  it("allows a call every rule holds for and answers 403 naming the first that fails", async () => {
    const api = await realmBoundApi({ accessRules: RULES });
    const readerToken = await clientCredentialsToken(issuer, reader);
    const url = `/${api.path}/hello`;
    await waitFor(async () => expect((await callGateway(stack, url, bearer(readerToken))).status).toBe(403), 5000);
    expect((await callGateway(stack, url, bearer(readerToken, { "x-tenant": "acme" }))).status).toBe(200);

    const noTenant = await callGateway(stack, url, bearer(readerToken));
    expect(noTenant.body.error).toEqual({ code: "access_denied", message: 'The access rule "tenant acme" refused the call.' });
    const nobodyToken = await clientCredentialsToken(issuer, nobody);
    const wrongClient = await callGateway(stack, url, bearer(nobodyToken, { "x-tenant": "acme" }));
    expect([wrongClient.status, wrongClient.body.error.message]).toEqual([403, 'The access rule "readers only" refused the call.']);
    expect(JSON.stringify(wrongClient.body)).not.toContain(nobodyToken);
    // The bearer token is checked first: without one, 401 as before.
    expect((await callGateway(stack, url, { headers: { "x-tenant": "acme" } })).status).toBe(401);
  });

  it("lets an operation's own rules replace the API's (most specific scope wins)", async () => {
    const api = await realmBoundApi({ accessRules: RULES });
    const put = await callRoute(operationPoliciesRoute.PUT, {
      method: "PUT",
      params: { apiId: api.id },
      body: { method: "GET", path: "/echo", policy: { accessRules: [{ name: "echo for anyone", expression: "subject != ''" }] } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const token = await clientCredentialsToken(issuer, nobody);
    await waitFor(async () => expect((await callGateway(stack, `/${api.path}/echo`, bearer(token))).status).toBe(200), 5000);
    expect((await callGateway(stack, `/${api.path}/hello`, bearer(token))).status).toBe(403);
  });

  it("answers the rule tester with the verdict of every rule, for stored and for unsaved rules", async () => {
    const api = await realmBoundApi({ accessRules: RULES });
    const test = (body: Record<string, unknown>) => callRoute(testRoute.POST, { method: "POST", params: { apiId: api.id }, body });
    const claims = { sub: "u1", azp: "reader", realm_access: { roles: ["orders-reader"] } };

    const allowed = await test({ claims, method: "get", path: "/hello", headers: { "X-Tenant": "acme" } });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body).toMatchObject({ allowed: true, deniedBy: null, scope: "api", operation: { method: "GET", path: "/hello" } });
    expect(allowed.body.rules.map((r: { outcome: string }) => r.outcome)).toEqual(["pass", "pass", "pass"]);

    const denied = await test({ claims: { ...claims, azp: "other" }, method: "DELETE", path: "/orders/1" });
    expect(denied.body).toMatchObject({ allowed: false, deniedBy: "readers only" });
    expect(denied.body.rules.map((r: { name: string; outcome: string }) => [r.name, r.outcome])).toEqual([
      ["readers only", "fail"],
      ["tenant acme", "error"],
      ["no deletes", "fail"],
    ]);

    const unsaved = await test({
      claims,
      method: "GET",
      path: "/hello",
      ip: "10.1.2.3",
      time: "2026-01-07T08:30:00Z",
      accessRules: [
        { name: "internal", expression: 'inCidr(request.ip, "10.0.0.0/8")' },
        { name: "mornings", expression: "now.hour < 8", timeZone: "Europe/Berlin" },
        { name: "path", expression: `request.path == "/${api.path}/hello"` },
      ],
    });
    expect(unsaved.body).toMatchObject({ allowed: false, deniedBy: "mornings", scope: "input" });
    expect(unsaved.body.rules.map((r: { outcome: string }) => r.outcome)).toEqual(["pass", "fail", "pass"]);

    const bad = await test({ claims, method: "GET", path: "/hello", accessRules: [{ name: "x", expression: "1 +" }] });
    expect(bad.status).toBe(400);
  });
});

describe("identity forwarding", () => {
  it("sets the subject, client and roles headers from the verified token, overwrites injected ones and strips Authorization", async () => {
    const api = await realmBoundApi({
      forwardIdentity: { subjectHeader: "X-User-Id", clientHeader: "X-Client-Id", rolesHeader: "X-User-Roles", stripAuthorization: true },
    });
    const token = await clientCredentialsToken(issuer, reader);
    const injected = { "x-user-id": "admin", "x-client-id": "evil", "x-user-roles": "superuser" };
    let echo = await callGateway(stack, `/${api.path}/echo`, bearer(token, injected));
    await waitFor(async () => {
      echo = await callGateway(stack, `/${api.path}/echo`, bearer(token, injected));
      expect(echo.body.headers["x-client-id"]).toBe("reader");
    }, 5000);
    expect(echo.status).toBe(200);
    expect(echo.body.headers["x-user-id"]).toBe(decodeJwt(token).sub);
    expect(echo.body.headers["x-user-roles"]).toBe("orders-reader");
    expect(echo.body.headers.authorization).toBeUndefined();

    // Not stripped when the API does not ask; the identity headers are still the gateway's own.
    expect((await patchApi(api.id, { forwardIdentity: { subjectHeader: "X-User-Id" } })).status).toBe(200);
    await waitFor(async () => {
      echo = await callGateway(stack, `/${api.path}/echo`, bearer(token, injected));
      expect(echo.body.headers.authorization).toBe(`Bearer ${token}`);
    }, 5000);
    expect(echo.body.headers["x-user-id"]).toBe(decodeJwt(token).sub);
    expect(echo.body.headers["x-client-id"]).toBe("evil"); // no longer an identity header of this API
  });

  it("refuses an identity header the gateway owns or Authorization itself", async () => {
    const api = await importedApi({ path: uniquePath("fwd-bad"), subscriptionRequired: false });
    expect((await patchApi(api.id, { forwardIdentity: { subjectHeader: "Authorization" } })).status).toBe(400);
    expect((await patchApi(api.id, { forwardIdentity: { subjectHeader: "X-Forwarded-For" } })).status).toBe(400);
    expect((await patchApi(api.id, { forwardIdentity: { subjectHeader: "X-Id", clientHeader: "x-id" } })).status).toBe(400);
  });
});
