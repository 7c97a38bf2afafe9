// My apps (#19): a developer registers an app (a confidential client in the portal's realm, its
// secret shown once and stored hashed), lists it, gets a token in one click, rotates the secret
// (the old one stops at once), deletes it; and every route answers another developer's ids with
// 404, leaking nothing. With no portal realm set, apps are not enabled (409 saying what to set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import * as appsRoute from "@/app/api/v1/me/apps/route";
import * as appRoute from "@/app/api/v1/me/apps/[appId]/route";
import * as secretRoute from "@/app/api/v1/me/apps/[appId]/secret/route";
import * as tokenRoute from "@/app/api/v1/me/apps/[appId]/token/route";
import * as bindingRoute from "@/app/api/v1/subscriptions/[subscriptionId]/app/route";
import * as clientRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { callRoute } from "../support/call-route";
import { createIdentity, type UserIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { realmWithReaderAndNobody } from "../support/realm-clients";

let server: RealmIssuerServer;
const realm = `apps-${Math.random().toString(36).slice(2, 8)}`;
let issuer: string;
let alice: UserIdentity;
let bob: UserIdentity;

const setPortalRealm = (name: string | null) => callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { portal: { realm: name } } });
const createApp = (as: UserIdentity, body: unknown) => callRoute(appsRoute.POST, { method: "POST", path: "/me/apps", as, body });
const listApps = (as: UserIdentity, query = "") => callRoute(appsRoute.GET, { path: `/me/apps${query}`, as });

async function tokenEndpoint(clientId: string, secret: string) {
  return fetch(`${issuer}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
  });
}

beforeAll(async () => {
  server = await startRealmIssuerServer();
  ({ issuer } = await realmWithReaderAndNobody(realm));
  [alice, bob] = await Promise.all([createIdentity("developer", { via: "session", tag: "apps-a" }), createIdentity("developer", { via: "session", tag: "apps-b" })]);
});

afterAll(async () => {
  await setPortalRealm(null);
  await server?.close();
});

describe("without a portal realm", () => {
  it("lists none, and refuses to register one with 409 saying what an admin must set", async () => {
    expect((await setPortalRealm(null)).status).toBe(200);
    const listed = await listApps(alice);
    expect([listed.status, listed.body]).toEqual([200, { items: [], nextCursor: null }]);
    const refused = await createApp(alice, { name: "Nope" });
    expect([refused.status, refused.body.error.code]).toEqual([409, "conflict"]);
    expect(refused.body.error.message).toMatch(/portal\.realm/);
  });
});

describe("my apps", () => {
  let app: { id: string; clientId: string };
  let secret: string;

  it("registers an app as a confidential client of the portal's realm, its secret answered once and stored hashed", async () => {
    expect((await setPortalRealm(realm)).status).toBe(200);
    const refused = await createApp(alice, { name: "" });
    expect(refused.status).toBe(400);

    const made = await createApp(alice, { name: "Orders sync", description: "Nightly export" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.headers.get("cache-control")).toBe("no-store");
    ({ app, clientSecret: secret } = { app: made.body.app, clientSecret: made.body.clientSecret });
    expect(made.body.app).toMatchObject({ name: "Orders sync", description: "Nightly export", realm, enabled: true, roles: [], boundSubscriptions: [] });
    expect(app.clientId).toMatch(/^app-orders-sync-[0-9a-f]{8}$/);
    // 32 random bytes, base64url, behind the pcs_ prefix.
    expect(secret).toMatch(/^pcs_[A-Za-z0-9_-]{43}$/);

    const stored = await db().realmClient.findUniqueOrThrow({ where: { id: app.id }, omit: { secretHash: false } });
    expect(stored).toMatchObject({ type: "CONFIDENTIAL", ownerId: alice.userId, secretHash: sha256Hex(secret) });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await tokenEndpoint(app.clientId, secret)).status).toBe(200);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "portal.app_created", entityId: app.id } });
    expect(audit.actorId).toBe(alice.userId);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("lists the caller's apps only, newest first, paged on the server, without secrets", async () => {
    const second = await createApp(alice, { name: "Second" });
    expect(second.status).toBe(201);
    await createApp(bob, { name: "Bob's" });

    const first = await listApps(alice, "?limit=1");
    expect(first.status).toBe(200);
    expect(first.body.items.map((a: { name: string }) => a.name)).toEqual(["Second"]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await listApps(alice, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((a: { id: string }) => a.id)).toEqual([app.id]);
    expect(rest.body.nextCursor).toBeNull();
    expect(JSON.stringify([first.body, rest.body])).not.toMatch(/pcs_|secret/i);

    const bobs = await listApps(bob);
    expect(bobs.body.items.map((a: { name: string }) => a.name)).toEqual(["Bob's"]);
    expect((await callRoute(appRoute.DELETE, { method: "DELETE", as: alice, params: { appId: second.body.app.id } })).status).toBe(204);
  });

  it("gets a token in one click: the realm's client_credentials token of that app, with the roles an admin granted", async () => {
    const granted = await callRoute(clientRoute.PATCH, {
      method: "PATCH",
      params: { realm, clientId: app.clientId },
      body: { roles: ["orders-reader"] },
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect((await callRoute(appRoute.GET, { as: alice, params: { appId: app.id } })).body.roles).toEqual(["orders-reader"]);

    const res = await callRoute(tokenRoute.POST, { method: "POST", as: alice, params: { appId: app.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({ tokenType: "Bearer", clientId: app.clientId, expiresIn: expect.any(Number) });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(res.body)).not.toContain("pcs_");
    const claims = decodeJwt(res.body.accessToken);
    expect(claims).toMatchObject({ iss: issuer, azp: app.clientId, client_id: app.clientId, realm_access: { roles: ["orders-reader"] } });
  });

  it("answers 409 for a token of an app an admin disabled; the bootstrap token, which acts for no user, owns no apps", async () => {
    const toggle = (enabled: boolean) => callRoute(clientRoute.PATCH, { method: "PATCH", params: { realm, clientId: app.clientId }, body: { enabled } });
    expect((await toggle(false)).status).toBe(200);
    const refused = await callRoute(tokenRoute.POST, { method: "POST", as: alice, params: { appId: app.id } });
    expect([refused.status, refused.body.error.message]).toEqual([409, expect.stringMatching(/disabled this app/)]);
    expect((await callRoute(appRoute.GET, { as: alice, params: { appId: app.id } })).body.enabled).toBe(false);
    expect((await toggle(true)).status).toBe(200);

    expect((await callRoute(appsRoute.GET, { path: "/me/apps" })).body).toEqual({ items: [], nextCursor: null });
    const ownerless = await callRoute(appsRoute.POST, { method: "POST", path: "/me/apps", body: { name: "Nobody's" } });
    expect([ownerless.status, ownerless.body.error.code]).toEqual([403, "forbidden"]);
  });

  it("rotates the secret: the old one stops working at once, the new one is answered once", async () => {
    const rotated = await callRoute(secretRoute.POST, { method: "POST", as: alice, params: { appId: app.id } });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body.clientId).toBe(app.clientId);
    expect(rotated.body.clientSecret).not.toBe(secret);
    expect((await tokenEndpoint(app.clientId, secret)).status).toBe(401);
    expect((await tokenEndpoint(app.clientId, rotated.body.clientSecret)).status).toBe(200);
    expect(await db().auditEvent.count({ where: { action: "portal.app_secret_rotated", entityId: app.id } })).toBe(1);
    secret = rotated.body.clientSecret;
  });

  it("answers another developer's ids with 404 on every route, and changes nothing of them", async () => {
    const api = await importedApi({});
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Apps ${realm}`, apiIds: [api.id], state: "published" } });
    const aliceSub = await callRoute(subscriptionsRoute.POST, { method: "POST", as: alice, body: { productId: product.body.id, name: "alice's" } });
    const bobSub = await callRoute(subscriptionsRoute.POST, { method: "POST", as: bob, body: { productId: product.body.id, name: "bob's" } });
    expect([aliceSub.status, bobSub.status]).toEqual([201, 201]);
    const bobsApp = (await listApps(bob)).body.items[0] as { id: string; clientId: string };
    const ids = { appId: app.id };

    const attempts = [
      await callRoute(appRoute.GET, { as: bob, params: ids }),
      await callRoute(appRoute.DELETE, { method: "DELETE", as: bob, params: ids }),
      await callRoute(secretRoute.POST, { method: "POST", as: bob, params: ids }),
      await callRoute(tokenRoute.POST, { method: "POST", as: bob, params: ids }),
      // Bob's subscription with Alice's app, and Alice's subscription with Bob's app.
      await callRoute(bindingRoute.PUT, { method: "PUT", as: bob, params: { subscriptionId: bobSub.body.id }, body: { appId: app.id } }),
      await callRoute(bindingRoute.PUT, { method: "PUT", as: bob, params: { subscriptionId: aliceSub.body.id }, body: { appId: bobsApp.id } }),
      await callRoute(bindingRoute.DELETE, { method: "DELETE", as: bob, params: { subscriptionId: aliceSub.body.id } }),
      await callRoute(bindingRoute.PUT, { method: "PUT", as: alice, params: { subscriptionId: aliceSub.body.id }, body: { appId: bobsApp.id } }),
    ];
    expect(attempts.map((r) => [r.status, r.body?.error?.code])).toEqual(attempts.map(() => [404, "not_found"]));
    const leaked = JSON.stringify(attempts.map((r) => r.body));
    for (const secretPart of [app.clientId, "orders-reader", "Orders sync", bobsApp.clientId]) expect(leaked).not.toContain(secretPart);

    // Alice's app is untouched: same secret, same subscription binding (none).
    expect((await tokenEndpoint(app.clientId, secret)).status).toBe(200);
    expect(await db().subscription.findMany({ where: { id: { in: [aliceSub.body.id, bobSub.body.id] } }, select: { boundClientId: true } })).toEqual([
      { boundClientId: null },
      { boundClientId: null },
    ]);

    // Her own binding works, shows on the app, and goes when the app is deleted.
    const bound = await callRoute(bindingRoute.PUT, { method: "PUT", as: alice, params: { subscriptionId: aliceSub.body.id }, body: { appId: app.id } });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    expect(bound.body).toEqual({ subscriptionId: aliceSub.body.id, appId: app.id, clientId: app.clientId });
    expect((await callRoute(appRoute.GET, { as: alice, params: ids })).body.boundSubscriptions).toEqual([{ id: aliceSub.body.id, name: "alice's" }]);
    expect(await db().auditEvent.count({ where: { action: "subscription.app_bound", entityId: aliceSub.body.id } })).toBe(1);
  });

  it("deletes an app: its client goes, its secret gets no token, its bindings are dropped", async () => {
    const deleted = await callRoute(appRoute.DELETE, { method: "DELETE", as: alice, params: { appId: app.id } });
    expect(deleted.status).toBe(204);
    expect(await db().realmClient.findUnique({ where: { id: app.id } })).toBeNull();
    expect(await db().subscription.count({ where: { boundClientId: app.id } })).toBe(0);
    expect((await tokenEndpoint(app.clientId, secret)).status).toBe(401);
    expect((await callRoute(appRoute.GET, { as: alice, params: { appId: app.id } })).status).toBe(404);
    expect(await db().auditEvent.count({ where: { action: "portal.app_deleted", entityId: app.id } })).toBe(1);
  });
});
