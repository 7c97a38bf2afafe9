// A subscription bound to a developer's app, through a real gateway (#19 "bind it to a
// subscription when the API requires both"): for an API that takes a subscription key and a
// realm JWT, the key then goes only with tokens issued to the bound client (azp/client_id);
// another client's valid token is 403 client_not_bound, no token 401. The binding travels as a
// subscription delta, survives a full snapshot, and goes when it is unbound or the app deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as appsRoute from "@/app/api/v1/me/apps/route";
import * as appRoute from "@/app/api/v1/me/apps/[appId]/route";
import * as tokenRoute from "@/app/api/v1/me/apps/[appId]/token/route";
import * as bindingRoute from "@/app/api/v1/subscriptions/[subscriptionId]/app/route";
import * as clientRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity, type UserIdentity } from "../support/identities";
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
const realm = `bind-${Math.random().toString(36).slice(2, 8)}`;
let issuer: string;
let reader: RealmClient;
let developer: UserIdentity;
let path: string;
let key: string;
let subscriptionId: string;
let app: { id: string; clientId: string };

const call = (token?: string, withKey = true) =>
  callGateway(stack, `/${path}/hello`, { ...(withKey ? { key } : {}), ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
const appToken = async () => {
  const res = await callRoute(tokenRoute.POST, { method: "POST", as: developer, params: { appId: app.id } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.accessToken as string;
};

beforeAll(async () => {
  ({ issuer, reader } = await realmWithReaderAndNobody(realm));
  expect((await callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { portal: { realm } } })).status).toBe(200);
  developer = await createIdentity("developer", { via: "session", tag: "bind" });

  path = uniquePath("bound");
  const api = await importedApi({ path, backendUrl: stack.backendUrl });
  const jwt = await callRoute(apiRoute.PATCH, {
    method: "PATCH",
    params: { apiId: api.id },
    body: { jwtRequirements: { realm, requiredRoles: ["orders-reader"] } },
  });
  expect(jwt.status, JSON.stringify(jwt.body)).toBe(200);
  const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Bound ${path}`, apiIds: [api.id], state: "published" } });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", as: developer, body: { productId: product.body.id, name: "bound" } });
  expect(sub.status, JSON.stringify(sub.body)).toBe(201);
  ({ primaryKey: key, id: subscriptionId } = sub.body);

  const made = await callRoute(appsRoute.POST, { method: "POST", path: "/me/apps", as: developer, body: { name: "Bound app" } });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  app = made.body.app;
  // The admin grants the app the API's role, as in the realm page.
  const granted = await callRoute(clientRoute.PATCH, { method: "PATCH", params: { realm, clientId: app.clientId }, body: { roles: ["orders-reader"] } });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
});

afterAll(async () => {
  await callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { portal: { realm: null } } });
  await server?.close();
});

describe("a subscription bound to an app, at the gateway", () => {
  it("before binding, any client's token with the role goes with the key", async () => {
    const other = await clientCredentialsToken(issuer, reader);
    await waitFor(async () => expect((await call(other)).status).toBe(200), 5000);
    expect((await call(await appToken())).status).toBe(200);
  });

  it("once bound: the app's token 200, another client's 403 client_not_bound, no token 401", async () => {
    const bound = await callRoute(bindingRoute.PUT, { method: "PUT", as: developer, params: { subscriptionId }, body: { appId: app.id } });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    const other = await clientCredentialsToken(issuer, reader);
    await waitFor(async () => expect((await call(other)).status).toBe(403), 5000);

    const refused = await call(other);
    expect(refused.body.error).toEqual({
      code: "client_not_bound",
      message: expect.stringMatching(/not issued to the app bound to this subscription/),
    });
    expect(JSON.stringify(refused.body)).not.toContain(other);
    expect((await call(await appToken())).status).toBe(200);
    const missing = await call();
    expect([missing.status, missing.body.error.code]).toEqual([401, "missing_token"]);
    // The key is still needed: the app's token alone is not enough.
    expect((await call(await appToken(), false)).status).toBe(401);
  });

  it("keeps the binding when the gateway loads a full snapshot", async () => {
    const version = await publishGatewayConfig("portal apps test: full snapshot");
    expect(version).toEqual(expect.any(Number));
    await waitFor(async () => {
      const health = (await fetch(`${stack.gatewayUrl}/healthz`).then((r) => r.json())) as { configVersion: number };
      expect(health.configVersion).toBe(version);
    }, 5000);
    const other = await clientCredentialsToken(issuer, reader);
    expect((await call(other)).body.error?.code).toBe("client_not_bound");
    expect((await call(await appToken())).status).toBe(200);
  });

  it("unbinding lets any client's token go with the key again; deleting the bound app does too", async () => {
    const other = await clientCredentialsToken(issuer, reader);
    const unbound = await callRoute(bindingRoute.DELETE, { method: "DELETE", as: developer, params: { subscriptionId } });
    expect(unbound.body).toEqual({ subscriptionId, appId: null, clientId: null });
    await waitFor(async () => expect((await call(other)).status).toBe(200), 5000);

    expect((await callRoute(bindingRoute.PUT, { method: "PUT", as: developer, params: { subscriptionId }, body: { appId: app.id } })).status).toBe(200);
    await waitFor(async () => expect((await call(other)).status).toBe(403), 5000);
    expect((await callRoute(appRoute.DELETE, { method: "DELETE", as: developer, params: { appId: app.id } })).status).toBe(204);
    await waitFor(async () => expect((await call(other)).status).toBe(200), 5000);
  });
});
