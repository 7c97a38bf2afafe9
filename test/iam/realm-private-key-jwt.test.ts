// private_key_jwt at a realm's token endpoint (RFC 7523, OIDC Core 9): a client registers its
// public keys (inline JWKS or a jwksUri) and no secret; openid-client's PrivateKeyJwt gets a
// client-credentials token with the private key; forged, replayed, misaddressed, long-lived,
// expired, unsigned, HMAC and unknown-kid assertions are refused with 401 invalid_client.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from "jose";
import * as oidc from "openid-client";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as clientRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/route";
import * as rotateRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/rotate-secret/route";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import { callRoute } from "../support/call-route";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";

let server: RealmIssuerServer;
let jwksServer: Server;
const realm = `pkjwt-${Math.random().toString(36).slice(2, 8)}`;
let issuer: string;
let tokenEndpoint: string;
let rsa: { privateKey: CryptoKey; jwk: JWK };
let ec: { privateKey: CryptoKey; jwk: JWK };
const insecure = { execute: [oidc.allowInsecureRequests] };

async function keyPair(alg: "RS256" | "ES256" | "PS256", kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

const createClient = (body: Record<string, unknown>) =>
  callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params: { realm }, body });

beforeAll(async () => {
  server = await startRealmIssuerServer();
  const made = await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: realm } });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  issuer = made.body.issuer;
  tokenEndpoint = `${issuer}/protocol/openid-connect/token`;
  rsa = await keyPair("RS256", "rsa-1");
  ec = await keyPair("ES256", "ec-1");
  jwksServer = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [ec.jwk] })));
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const pkjwtConfig = (clientId: string, key: CryptoKey, kid: string) =>
  oidc.discovery(new URL(issuer), clientId, undefined, oidc.PrivateKeyJwt({ key, kid }), insecure);

describe("registering a private_key_jwt client", () => {
  it("stores its JWKS and no secret, is audited, and discovery advertises the method", async () => {
    const res = await createClient({ clientId: "signer", type: "confidential", tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [rsa.jwk] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.clientSecret).toBeNull();
    expect(res.body.client).toMatchObject({ tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [{ kid: "rsa-1", kty: "RSA" }] }, jwksUri: null });
    const audit = await callRoute(auditRoute.GET, { path: "/audit-events?action=realm.client_created" });
    expect(audit.body.items.some((e: { after: { clientId?: string; tokenEndpointAuthMethod?: string } }) => e.after.clientId === "signer" && e.after.tokenEndpointAuthMethod === "private_key_jwt")).toBe(true);

    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(discovery.token_endpoint_auth_methods_supported).toContain("private_key_jwt");
    expect(discovery.token_endpoint_auth_signing_alg_values_supported).toEqual(["RS256", "ES256", "PS256"]);
  });

  it.each([
    ["no keys", { tokenEndpointAuthMethod: "private_key_jwt" }, /exactly one of jwks or jwksUri/],
    ["keys for a secret client", { jwks: { keys: [{ kty: "RSA", n: "AQAB", e: "AQAB" }] } }, /private_key_jwt clients only/],
    ["a private key", { tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [{ kty: "EC", crv: "P-256", x: "a", y: "b", d: "c" }] } }, /public key/],
    ["a symmetric key", { tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [{ kty: "oct", k: "c2VjcmV0" }] } }, /kty/],
    ["an http jwksUri off loopback", { tokenEndpointAuthMethod: "private_key_jwt", jwksUri: "http://keys.example.com/jwks" }, /https/],
  ])("refuses %s (400 validation_failed)", async (_what, fields, message) => {
    const res = await createClient({ clientId: `bad-${randomUUID().slice(0, 8)}`, type: "confidential", ...fields });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(JSON.stringify(res.body)).toMatch(message);
  });

  it("refuses a public client with any method but none", async () => {
    const res = await createClient({ clientId: "spa-x", type: "public", tokenEndpointAuthMethod: "client_secret_basic" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });
});

describe("client_credentials with a signed assertion", () => {
  it("openid-client's PrivateKeyJwt gets a token whose azp is the client", async () => {
    const tokens = await oidc.clientCredentialsGrant(await pkjwtConfig("signer", rsa.privateKey, "rsa-1"));
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`)), { issuer });
    expect(payload.azp).toBe("signer");
  });

  it("works with keys fetched from the client's jwksUri (ES256)", async () => {
    const jwksUri = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`;
    const res = await createClient({ clientId: "remote-signer", type: "confidential", tokenEndpointAuthMethod: "private_key_jwt", jwksUri });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const tokens = await oidc.clientCredentialsGrant(await pkjwtConfig("remote-signer", ec.privateKey, "ec-1"));
    expect(tokens.access_token).toBeTruthy();
  });

  it("a secret no longer authenticates a client switched to private_key_jwt, and it has no secret to rotate", async () => {
    const made = await createClient({ clientId: "switcher", type: "confidential" });
    const secret = made.body.clientSecret as string;
    const patched = await callRoute(clientRoute.PATCH, {
      method: "PATCH",
      path: `/realms/${realm}/clients/switcher`,
      params: { realm, clientId: "switcher" },
      body: { tokenEndpointAuthMethod: "private_key_jwt", jwks: { keys: [rsa.jwk] } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const bySecret = await fetch(tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "switcher", client_secret: secret }),
    });
    expect(bySecret.status).toBe(401);
    const rotate = await callRoute(rotateRoute.POST, { method: "POST", path: `/realms/${realm}/clients/switcher/rotate-secret`, params: { realm, clientId: "switcher" } });
    expect(rotate.status).toBe(409);
    expect((await oidc.clientCredentialsGrant(await pkjwtConfig("switcher", rsa.privateKey, "rsa-1"))).access_token).toBeTruthy();
  });
});

describe("refused assertions (401 invalid_client)", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}) => ({ iss: "signer", sub: "signer", aud: tokenEndpoint, jti: randomUUID(), iat: now(), exp: now() + 60, ...over });
  const sign = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: "RS256", kid: "rsa-1" }, key: CryptoKey | Uint8Array = rsa.privateKey) =>
    new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(key);
  const unsigned = (payload: Record<string, unknown>) =>
    `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.`;

  async function present(assertion: string, extra: Record<string, string> = {}) {
    const res = await fetch(tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
        ...extra,
      }),
    });
    return { status: res.status, body: (await res.json()) as { error: string; error_description: string } };
  }

  it("accepts a hand-signed assertion once, then refuses its replay", async () => {
    const assertion = await sign(claims());
    expect((await present(assertion)).status).toBe(200);
    const replay = await present(assertion);
    expect(replay).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(replay.body.error_description).toMatch(/already used/);
  });

  it("accepts the issuer as audience", async () => {
    expect((await present(await sign(claims({ aud: issuer })))).status).toBe(200);
  });

  it.each([
    ["a wrong audience", async () => sign(claims({ aud: "https://elsewhere.example/token" })), /aud/],
    ["an expired assertion", async () => sign(claims({ iat: now() - 600, exp: now() - 300 })), /expired/],
    ["an assertion living too long", async () => sign(claims({ exp: now() + 3600 })), /at most 300 seconds/],
    ["no exp", async () => sign(claims({ exp: undefined })), /exp/],
    ["no jti", async () => sign(claims({ jti: undefined })), /jti/],
    ["iss other than sub", async () => sign(claims({ sub: "someone-else" })), /iss and sub/],
    ["alg none", async () => unsigned(claims()), /not allowed|signature or form/],
    ["HS256 with the public key as secret", async () => sign(claims(), { alg: "HS256", kid: "rsa-1" }, new TextEncoder().encode(JSON.stringify(rsa.jwk))), /algorithm not allowed/],
    ["an unknown kid", async () => sign(claims(), { alg: "RS256", kid: "not-registered" }), /kid/],
    ["a key the client never registered", async () => sign(claims(), { alg: "RS256", kid: "rsa-1" }, (await generateKeyPair("RS256")).privateKey), /signature/],
    ["another client's name", async () => sign(claims({ iss: "remote-signer", sub: "remote-signer" })), /./],
  ])("refuses %s", async (_what, make, message) => {
    const res = await present(await make());
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
    expect(res.body.error_description).toMatch(message);
  });

  it("refuses an assertion alongside a secret, or a mismatching client_id, or a wrong assertion type", async () => {
    const assertion = await sign(claims());
    expect((await present(assertion, { client_secret: "x" })).body.error).toBe("invalid_request");
    expect((await present(await sign(claims()), { client_id: "remote-signer" })).status).toBe(401);
    expect((await present(await sign(claims()), { client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:saml2-bearer" })).body.error).toBe("invalid_request");
  });
});
