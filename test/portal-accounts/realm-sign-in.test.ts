// "Sign in with <realm>": the portal registers itself as a public client of portal.realm (once),
// runs authorization code + PKCE against the realm's issuer, and lands the realm user in a
// developer account found or created by email, with a next-auth session cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as startRoute from "@/app/(auth)/login/realm/route";
import * as callbackRoute from "@/app/(auth)/login/realm/callback/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as realmUsersRoute from "@/app/api/v1/realms/[realm]/users/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import { db } from "@/lib/db";
import { PORTAL_CLIENT_ID } from "@/lib/portal/accounts/portal-realm-client";
import { REALM_STATE_COOKIE } from "@/lib/portal/accounts/realm-sign-in";
import { callRoute } from "../support/call-route";
import { createIdentity } from "../support/identities";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { signIn as realmLogin } from "../support/realm-sign-in";

let server: RealmIssuerServer;
const realm = `portal-${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = "correct horse battery";
const suffix = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  server = await startRealmIssuerServer();
  expect((await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: realm, displayName: "Acme SSO" } })).status).toBe(201);
  for (const username of ["carol", "console"]) {
    const made = await callRoute(realmUsersRoute.POST, {
      method: "POST",
      path: `/realms/${realm}/users`,
      params: { realm },
      body: { username, password: PASSWORD, email: `${username}-${suffix}@example.test` },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  const set = await callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { portal: { realm, signUpMode: "open" } } });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
});
afterAll(async () => {
  await callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { portal: { realm: null } } });
  await server?.close();
});

/** The browser's trip: /login/realm → the realm's form → /login/realm/callback. */
async function signInThroughRealm(username: string) {
  const start = await startRoute.GET(new NextRequest(`${server.origin}/login/realm?callbackUrl=/portal/account`));
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get("location")!);
  expect(authorize.pathname).toBe(`/realms/${realm}/protocol/openid-connect/auth`);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  const state = start.headers.getSetCookie().find((c) => c.startsWith(`${REALM_STATE_COOKIE}=`))!.split(";")[0]!;
  const answer = await realmLogin(authorize, username, PASSWORD);
  expect(answer.status).toBe(303);
  const back = new URL(answer.headers.get("location")!);
  expect(back.pathname).toBe("/login/realm/callback");
  return callbackRoute.GET(new NextRequest(back, { headers: { cookie: state } }));
}

const sessionOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))?.split(";")[0];

describe("sign-in through the portal's realm", () => {
  it("creates a developer account on the first sign-in and signs it in", async () => {
    const done = await signInThroughRealm("carol");
    expect(done.status).toBe(303);
    expect(new URL(done.headers.get("location")!).pathname).toBe("/portal/account");
    const cookie = sessionOf(done);
    expect(cookie).toBeDefined();
    const me = await callRoute(meRoute.GET, { path: "/me", as: { way: { sessionCookie: cookie! } } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: `carol-${suffix}@example.test`, role: "developer" });
    const created = await db().user.findUniqueOrThrow({ where: { email: `carol-${suffix}@example.test` } });
    expect(await db().auditEvent.count({ where: { action: "user.signed_up", entityId: created.id } })).toBe(1);
  });

  it("signs the same account in again, and registered the portal's client once", async () => {
    const again = await signInThroughRealm("carol");
    expect(sessionOf(again)).toBeDefined();
    expect(await db().user.count({ where: { email: `carol-${suffix}@example.test` } })).toBe(1);
    const clients = await db().realmClient.findMany({ where: { realm: { name: realm }, clientId: PORTAL_CLIENT_ID } });
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({ type: "PUBLIC", redirectUris: [`${server.origin}/login/realm/callback`] });
  });

  it("never signs a realm user into a console account with the same email", async () => {
    const consoleUser = await createIdentity("platform_admin", { tag: "realmclash" });
    await db().user.update({ where: { id: consoleUser.userId }, data: { email: `console-${suffix}@example.test` } });
    const refused = await signInThroughRealm("console");
    expect(refused.status).toBe(303);
    const location = new URL(refused.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("realmError")).toContain("console account");
    expect(sessionOf(refused)).toBeUndefined();
  });

  it("refuses a callback without the browser's state cookie (login CSRF)", async () => {
    const start = await startRoute.GET(new NextRequest(`${server.origin}/login/realm`));
    const authorize = new URL(start.headers.get("location")!);
    const answer = await realmLogin(authorize, "carol", PASSWORD);
    const forged = await callbackRoute.GET(new NextRequest(new URL(answer.headers.get("location")!)));
    expect(new URL(forged.headers.get("location")!).searchParams.get("realmError")).toContain("another browser");
    expect(sessionOf(forged)).toBeUndefined();
  });
});
