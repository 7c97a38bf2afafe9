// A realm as an OpenID Connect issuer, driven by a certified relying party (openid-client) over
// HTTP: discovery, client credentials (basic and post), authorization code + PKCE through the
// realm's sign-in form, refresh rotation and reuse detection, userinfo, introspection, revocation;
// tokens verified with jose against the published JWKS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oidc from "openid-client";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as clientRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/route";
import * as rolesRoute from "@/app/api/v1/realms/[realm]/roles/route";
import * as groupsRoute from "@/app/api/v1/realms/[realm]/groups/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import * as userRoute from "@/app/api/v1/realms/[realm]/users/[userId]/route";
import { callRoute } from "../support/call-route";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { signIn } from "../support/realm-sign-in";

let server: RealmIssuerServer;
const realm = `oidc-${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = "correct horse battery";
let issuer: string;
let serviceSecret: string;
const redirectUri = "http://127.0.0.1:9/callback";
const insecure = { execute: [oidc.allowInsecureRequests] };

async function created(handler: unknown, path: string, body: unknown, params: Record<string, string> = { realm }) {
  const res = await callRoute(handler, { method: "POST", path, body, params });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  server = await startRealmIssuerServer();
  const made = await created(realmsRoute.POST, "/realms", { name: realm, displayName: "OIDC test" }, {});
  issuer = made.issuer;
  await created(rolesRoute.POST, `/realms/${realm}/roles`, { name: "orders-reader" });
  await created(rolesRoute.POST, `/realms/${realm}/roles`, { name: "orders-admin" });
  await created(groupsRoute.POST, `/realms/${realm}/groups`, { name: "admins", roles: ["orders-admin"] });
  const service = await created(clientsRoute.POST, `/realms/${realm}/clients`, {
    clientId: "orders-service",
    type: "confidential",
    roles: ["orders-reader"],
    scopes: ["orders:read"],
  });
  serviceSecret = service.clientSecret;
  await created(clientsRoute.POST, `/realms/${realm}/clients`, {
    clientId: "orders-spa",
    type: "public",
    redirectUris: [redirectUri],
    scopes: ["orders:read"],
    clientRoles: ["viewer"],
  });
  await created(usersRoute.POST, `/realms/${realm}/users`, {
    username: "Alice",
    email: "alice@example.com",
    password: PASSWORD,
    roles: ["orders-reader"],
    groups: ["admins"],
    clientRoles: { "orders-spa": ["viewer"] },
  });
});

afterAll(async () => {
  await server?.close();
});

const serviceConfig = (auth: "basic" | "post" = "basic", secret = serviceSecret) =>
  oidc.discovery(new URL(issuer), "orders-service", undefined, auth === "basic" ? oidc.ClientSecretBasic(secret) : oidc.ClientSecretPost(secret), insecure);

const jwks = () => createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`));

async function codeFlow(scope = "openid email orders:read", username = "alice") {
  const config = await oidc.discovery(new URL(issuer), "orders-spa", undefined, oidc.None(), insecure);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const answer = await signIn(url, username, PASSWORD);
  expect(answer.status).toBe(303);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(answer.headers.get("location")!), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  return { config, tokens };
}

describe("discovery", () => {
  it("publishes Keycloak-compatible endpoints under the issuer", async () => {
    const config = await serviceConfig();
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(`${server.origin}/realms/${realm}`);
    expect(meta.jwks_uri).toBe(`${issuer}/protocol/openid-connect/certs`);
    expect(meta.token_endpoint).toBe(`${issuer}/protocol/openid-connect/token`);
    expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it("answers 404 for a realm that does not exist", async () => {
    const res = await fetch(`${server.origin}/realms/no-such-realm/.well-known/openid-configuration`);
    expect(res.status).toBe(404);
  });
});

describe("client credentials", () => {
  it.each(["basic", "post"] as const)("issues an access token with client_secret_%s that jose verifies against the JWKS", async (auth) => {
    const tokens = await oidc.clientCredentialsGrant(await serviceConfig(auth), { scope: "orders:read" });
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(300);
    expect(tokens.refresh_token).toBeUndefined();
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks(), { issuer, audience: "portcullis" });
    expect(protectedHeader).toMatchObject({ alg: "RS256", typ: "at+jwt" });
    expect(payload).toMatchObject({ azp: "orders-service", scope: "orders:read", realm_access: { roles: ["orders-reader"] } });
    expect(typeof payload.jti).toBe("string");
    expect(payload.exp! - payload.iat!).toBe(300);
  });

  it("refuses a wrong secret with invalid_client and a scope the client may not have with invalid_scope", async () => {
    // openid-client surfaces the 401's WWW-Authenticate challenge (RFC 6749 5.2) rather than the body.
    await expect(oidc.clientCredentialsGrant(await serviceConfig("basic", "pcs_wrong"))).rejects.toMatchObject({ status: 401 });
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${btoa("orders-service:pcs_wrong")}` },
      body: new URLSearchParams({ grant_type: "client_credentials" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(await res.json()).toMatchObject({ error: "invalid_client" });
    await expect(oidc.clientCredentialsGrant(await serviceConfig(), { scope: "orders:write" })).rejects.toMatchObject({ error: "invalid_scope" });
  });

  it("answers RFC 6749 errors, not the management API's envelope", async () => {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", client_id: "orders-service", client_secret: serviceSecret }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "unsupported_grant_type" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses client_credentials to a public client", async () => {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "orders-spa" }),
    });
    expect((await res.json()).error).toBe("unauthorized_client");
  });
});

describe("authorization code with PKCE", () => {
  it("signs Alice in through the realm's form and issues access, ID and refresh tokens", async () => {
    const { tokens } = await codeFlow();
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: issuer, aud: "orders-spa", preferred_username: "alice" });
    const { payload } = await jwtVerify(tokens.access_token, jwks(), { issuer });
    expect(payload).toMatchObject({
      sub: claims.sub,
      azp: "orders-spa",
      scope: "openid email orders:read",
      email: "alice@example.com",
      resource_access: { "orders-spa": { roles: ["viewer"] } },
    });
    // Direct roles and the group's roles.
    expect((payload.realm_access as { roles: string[] }).roles).toEqual(["orders-admin", "orders-reader"]);
    expect(tokens.refresh_token).toMatch(/^pcr_/);
  });

  it("answers userinfo for the access token", async () => {
    const { config, tokens } = await codeFlow();
    const info = await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(info).toMatchObject({ preferred_username: "alice", email: "alice@example.com" });
  });

  it("refuses a public client's authorization request without PKCE, redirecting with the error", async () => {
    const url = new URL(`${issuer}/protocol/openid-connect/auth`);
    url.search = new URLSearchParams({ response_type: "code", client_id: "orders-spa", redirect_uri: redirectUri, state: "s1" }).toString();
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("state")).toBe("s1");
  });

  it("never redirects to an unregistered redirect URI", async () => {
    const url = new URL(`${issuer}/protocol/openid-connect/auth`);
    url.search = new URLSearchParams({ response_type: "code", client_id: "orders-spa", redirect_uri: "https://evil.example/cb" }).toString();
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  it("refuses the sign-in form posted without its CSRF cookie, or from another origin", async () => {
    const config = await oidc.discovery(new URL(issuer), "orders-spa", undefined, oidc.None(), insecure);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    });
    const form = new URLSearchParams({ ...Object.fromEntries(url.searchParams), username: "alice", password: PASSWORD, csrf_token: "guessed" });
    const noCookie = await fetch(`${issuer}/protocol/openid-connect/auth`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(noCookie.status).toBe(403);
    const page = await fetch(url);
    const cookie = page.headers.getSetCookie()[0]!.split(";")[0]!;
    const token = /name="csrf_token" value="([^"]+)"/.exec(await page.text())![1]!;
    form.set("csrf_token", token);
    const crossSite = await fetch(`${issuer}/protocol/openid-connect/auth`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: "https://evil.example" },
      body: form,
    });
    expect(crossSite.status).toBe(403);
  });

  it("shows the form again for a wrong password, with no code", async () => {
    const config = await oidc.discovery(new URL(issuer), "orders-spa", undefined, oidc.None(), insecure);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    });
    const res = await signIn(url, "alice", "wrong password!!");
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Invalid username or password");
  });

  it("throttles repeated wrong passwords on one account with 429", async () => {
    await created(usersRoute.POST, `/realms/${realm}/users`, { username: "dave", password: PASSWORD });
    const config = await oidc.discovery(new URL(issuer), "orders-spa", undefined, oidc.None(), insecure);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn(url, "dave", "wrong password!!")).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    // Even the right password waits its turn.
    expect((await signIn(url, "dave", PASSWORD)).status).toBe(429);
  });

  it("refuses a code redeemed with the wrong PKCE verifier, and a code used twice", async () => {
    const config = await oidc.discovery(new URL(issuer), "orders-spa", undefined, oidc.None(), insecure);
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const location = (await signIn(url, "alice", PASSWORD)).headers.get("location")!;
    const code = new URL(location).searchParams.get("code")!;
    const redeem = (codeVerifier: string) =>
      fetch(`${issuer}/protocol/openid-connect/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", client_id: "orders-spa", code, redirect_uri: redirectUri, code_verifier: codeVerifier }),
      });
    const wrong = await redeem(oidc.randomPKCECodeVerifier());
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe("invalid_grant");
    // The failed attempt consumed the code: single use, whatever the outcome.
    expect((await (await redeem(verifier)).json()).error).toBe("invalid_grant");
  });
});

describe("refresh tokens", () => {
  it("rotate on every use", async () => {
    const { config, tokens } = await codeFlow();
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toMatch(/^pcr_/);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const again = await oidc.refreshTokenGrant(config, refreshed.refresh_token!);
    expect(again.access_token).not.toBe(refreshed.access_token);
  });

  it("used twice revoke the whole family: the legitimate successor stops working too", async () => {
    const { config, tokens } = await codeFlow();
    const successor = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    await expect(oidc.refreshTokenGrant(config, successor.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("stop working when the client is disabled", async () => {
    const { config, tokens } = await codeFlow();
    const params = { realm, clientId: "orders-spa" };
    const off = await callRoute(clientRoute.PATCH, { method: "PATCH", path: `/realms/${realm}/clients/orders-spa`, params, body: { enabled: false } });
    expect(off.status).toBe(200);
    try {
      await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_client" });
    } finally {
      await callRoute(clientRoute.PATCH, { method: "PATCH", path: `/realms/${realm}/clients/orders-spa`, params, body: { enabled: true } });
    }
    // Re-enabling does not bring the revoked family back.
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  });
});

describe("a disabled user", () => {
  it("loses refresh tokens and userinfo at once, and cannot sign in", async () => {
    const carol = await created(usersRoute.POST, `/realms/${realm}/users`, { username: "carol", password: PASSWORD });
    const { config, tokens } = await codeFlow("openid", "carol");
    const off = await callRoute(userRoute.PATCH, {
      method: "PATCH",
      path: `/realms/${realm}/users/${carol.id}`,
      params: { realm, userId: carol.id },
      body: { enabled: false },
    });
    expect(off.status).toBe(200);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    await expect(oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).rejects.toMatchObject({ status: 401 });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    });
    expect((await signIn(url, "carol", PASSWORD)).status).toBe(401);
  });
});

describe("introspection and revocation", () => {
  it("introspects an active access token and, after revocation, answers active: false", async () => {
    const config = await serviceConfig();
    const { access_token } = await oidc.clientCredentialsGrant(config);
    expect(await oidc.tokenIntrospection(config, access_token)).toMatchObject({ active: true, client_id: "orders-service", scope: "orders:read" });
    await oidc.tokenRevocation(config, access_token);
    expect(await oidc.tokenIntrospection(config, access_token)).toEqual({ active: false });
  });

  it("revokes a refresh token's family", async () => {
    const { config, tokens } = await codeFlow();
    await oidc.tokenRevocation(config, tokens.refresh_token!, { token_type_hint: "refresh_token" });
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    const introspected = await oidc.tokenIntrospection(await serviceConfig(), tokens.refresh_token!);
    expect(introspected.active).toBe(false);
  });

  it("answers active: false for garbage and requires client authentication", async () => {
    const config = await serviceConfig();
    expect(await oidc.tokenIntrospection(config, "not-a-token")).toEqual({ active: false });
    const res = await fetch(`${issuer}/protocol/openid-connect/token/introspect`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: "x" }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("invalid_client");
  });

  it("serves tokens whose kid is in the JWKS", async () => {
    const { access_token } = await oidc.clientCredentialsGrant(await serviceConfig());
    const published = (await (await fetch(`${issuer}/protocol/openid-connect/certs`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(published.keys.map((k) => k.kid)).toContain(decodeProtectedHeader(access_token).kid);
    expect(published.keys.every((k) => k.d === undefined)).toBe(true);
  });
});
