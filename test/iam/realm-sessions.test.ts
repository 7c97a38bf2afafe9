// A realm's sessions (#16, "sessions and revocation"): each sign-in by authorization code is one
// session, listed with its user, client and times, paged and filtered; revoking one stops its
// refresh token (invalid_grant) and a running gateway refuses its access tokens by `sid`, other
// sessions untouched; "sign out everywhere" ends all of one user's. Audited, and only admins may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import * as sessionsRoute from "@/app/api/v1/realms/[realm]/sessions/route";
import * as sessionRoute from "@/app/api/v1/realms/[realm]/sessions/[sessionId]/route";
import * as logoutRoute from "@/app/api/v1/realms/[realm]/users/[userId]/logout/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { realmWithReaderAndNobody } from "../support/realm-clients";
import { authorizationCodeTokens } from "../support/realm-sign-in";

let server: RealmIssuerServer;
beforeAll(async () => {
  server = await startRealmIssuerServer();
});
const stack = useInProcessStack();
const realm = `sess-${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = "correct horse battery";
const redirectUri = "http://127.0.0.1:9/callback";
let issuer: string;
let path: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ issuer } = await realmWithReaderAndNobody(realm));
  for (const clientId of ["spa", "cli"]) {
    const made = await callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params: { realm }, body: { clientId, type: "public", redirectUris: [redirectUri] } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  for (const username of ["alice", "bob"]) {
    const made = await callRoute(usersRoute.POST, { method: "POST", path: `/realms/${realm}/users`, params: { realm }, body: { username, password: PASSWORD } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    ids[username] = made.body.id;
  }
  path = uniquePath("sessions");
  const api = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false });
  const bound = await callRoute(apiRoute.PATCH, { method: "PATCH", path: `/apis/${api.id}`, params: { apiId: api.id }, body: { jwtRequirements: { realm } } });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  await waitFor(async () => expect((await callGateway(stack, `/${path}/hello`)).status).toBe(401), 5000);
});
afterAll(async () => {
  await server?.close();
});

const signIn = (username: string, clientId = "spa") => authorizationCodeTokens({ issuer, clientId, redirectUri, scope: "openid", username, password: PASSWORD });
const gatewayStatus = async (token: string) => (await callGateway(stack, `/${path}/hello`, { headers: { authorization: `Bearer ${token}` } })).status;
const list = (query = "") => callRoute(sessionsRoute.GET, { path: `/realms/${realm}/sessions${query}`, params: { realm } });
async function refresh(clientId: string, refreshToken: string) {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}
const sidOf = (token: string) => decodeJwt(token).sid as string;

describe("a realm's sessions", () => {
  it("lists each sign-in with user, client and times, newest first, paged and filtered by user and client", async () => {
    const first = await signIn("alice");
    const second = await signIn("alice", "cli");
    const third = await signIn("bob");
    const refreshed = await refresh("spa", first.refresh_token!);
    expect(refreshed.status).toBe(200);

    const all = await list();
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const mine = all.body.items.filter((s: { id: string }) => [first, second, third].map((t) => sidOf(t.access_token)).includes(s.id));
    expect(mine.map((s: { username: string; clientId: string }) => `${s.username}@${s.clientId}`)).toEqual(["bob@spa", "alice@cli", "alice@spa"]);
    const aliceSpa = mine[2];
    expect(aliceSpa).toMatchObject({ id: sidOf(first.access_token), userId: ids.alice, scope: "openid" });
    expect(Date.parse(aliceSpa.lastUsedAt)).toBeGreaterThan(Date.parse(aliceSpa.startedAt) - 1);
    expect(Date.parse(aliceSpa.expiresAt)).toBeGreaterThan(Date.now());

    const pageOne = await list("?limit=2");
    expect(pageOne.body.items).toHaveLength(2);
    expect(pageOne.body.nextCursor).toEqual(expect.any(String));
    const pageTwo = await list(`?limit=2&cursor=${pageOne.body.nextCursor}`);
    const paged = [...pageOne.body.items, ...pageTwo.body.items].map((s: { id: string }) => s.id);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(all.body.items.map((s: { id: string }) => s.id).slice(0, paged.length));

    expect((await list(`?userId=${ids.alice}`)).body.items.map((s: { username: string }) => s.username)).toEqual(["alice", "alice"]);
    expect((await list("?username=BOB")).body.items.map((s: { id: string }) => s.id)).toEqual([sidOf(third.access_token)]);
    expect((await list("?clientId=cli")).body.items.map((s: { id: string }) => s.id)).toEqual([sidOf(second.access_token)]);
    expect((await list("?cursor=not-a-cursor")).status).toBe(400);
  });

  it("revoking one session refuses its refresh token and, at the gateway, its access token; other sessions keep working", async () => {
    const victim = await signIn("alice");
    const other = await signIn("alice");
    expect(await gatewayStatus(victim.access_token)).toBe(200);
    const sessionId = sidOf(victim.access_token);

    const viewer = await createIdentity("viewer", { tag: "realm-sessions" });
    expect((await callRoute(sessionRoute.DELETE, { method: "DELETE", path: `/realms/${realm}/sessions/${sessionId}`, params: { realm, sessionId }, as: viewer })).status).toBe(403);
    const revoked = await callRoute(sessionRoute.DELETE, { method: "DELETE", path: `/realms/${realm}/sessions/${sessionId}`, params: { realm, sessionId } });
    expect(revoked.status).toBe(204);

    expect(await refresh("spa", victim.refresh_token!)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    await waitFor(async () => expect(await gatewayStatus(victim.access_token)).toBe(401), 5000);
    expect(await gatewayStatus(other.access_token)).toBe(200);
    expect((await refresh("spa", other.refresh_token!)).status).toBe(200);
    expect((await list()).body.items.map((s: { id: string }) => s.id)).not.toContain(sessionId);
    expect(await db().auditEvent.count({ where: { entityId: sessionId, action: "realm.session_revoked" } })).toBe(1);
    // Gone is gone: a second revocation is a 404.
    expect((await callRoute(sessionRoute.DELETE, { method: "DELETE", path: `/realms/${realm}/sessions/${sessionId}`, params: { realm, sessionId } })).status).toBe(404);
  });

  it("signs a user out everywhere: all their sessions end, another user's stay", async () => {
    const a1 = await signIn("alice");
    const a2 = await signIn("alice", "cli");
    const b = await signIn("bob");
    const logout = await callRoute(logoutRoute.POST, { method: "POST", path: `/realms/${realm}/users/${ids.alice}/logout`, params: { realm, userId: ids.alice } });
    expect(logout.status, JSON.stringify(logout.body)).toBe(200);
    expect(logout.body.revokedSessions).toBeGreaterThanOrEqual(2);
    expect((await list(`?userId=${ids.alice}`)).body.items).toEqual([]);
    expect((await refresh("cli", a2.refresh_token!)).body.error).toBe("invalid_grant");
    await waitFor(async () => expect(await gatewayStatus(a1.access_token)).toBe(401), 5000);
    await waitFor(async () => expect(await gatewayStatus(a2.access_token)).toBe(401), 5000);
    expect(await gatewayStatus(b.access_token)).toBe(200);
    expect(await db().auditEvent.count({ where: { entityId: ids.alice, action: "realm.user_logged_out" } })).toBe(1);
    // Signing in again starts a fresh session that works.
    expect(await gatewayStatus((await signIn("alice")).access_token)).toBe(200);
    const unknown = await callRoute(logoutRoute.POST, { method: "POST", path: `/realms/${realm}/users/nobody/logout`, params: { realm, userId: "nobody" } });
    expect(unknown.status).toBe(404);
  });
});
