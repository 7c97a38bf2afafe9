// Revocation reaches the gateway (#16): a token revoked at the realm's RFC 7009 endpoint, a
// revoked login (refresh family), a disabled client and a disabled user are refused by a running
// gateway without restart, through the config channel's denials; re-enabling lets them through
// again, and a denial leaves the snapshot once the tokens it covers have expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as clientRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import * as userRoute from "@/app/api/v1/realms/[realm]/users/[userId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { configDeltaNames, type GatewayConfigDelta } from "@/lib/config-channel/contract";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { gatewayDenials } from "@/lib/iam/realms/gateway-denials";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { clientCredentialsToken, realmWithReaderAndNobody, type RealmClient } from "../support/realm-clients";
import { authorizationCodeTokens } from "../support/realm-sign-in";

let server: RealmIssuerServer;
// Before the stack: the issuer URL comes from NEXTAUTH_URL, which the server sets before env() is read.
beforeAll(async () => {
  server = await startRealmIssuerServer();
});
const stack = useInProcessStack();
const realm = `revoke-${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = "correct horse battery";
const redirectUri = "http://127.0.0.1:9/callback";
let issuer: string;
let reader: RealmClient;
let nobody: RealmClient;
let aliceId: string;
let path: string;

beforeAll(async () => {
  ({ issuer, reader, nobody } = await realmWithReaderAndNobody(realm));
  const spa = await callRoute(clientsRoute.POST, {
    method: "POST",
    path: `/realms/${realm}/clients`,
    params: { realm },
    body: { clientId: "spa", type: "public", redirectUris: [redirectUri] },
  });
  expect(spa.status, JSON.stringify(spa.body)).toBe(201);
  const alice = await callRoute(usersRoute.POST, { method: "POST", path: `/realms/${realm}/users`, params: { realm }, body: { username: "alice", password: PASSWORD } });
  expect(alice.status, JSON.stringify(alice.body)).toBe(201);
  aliceId = alice.body.id;
  path = uniquePath("revocation");
  const api = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false });
  const bound = await callRoute(apiRoute.PATCH, { method: "PATCH", path: `/apis/${api.id}`, params: { apiId: api.id }, body: { jwtRequirements: { realm } } });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  await waitFor(async () => expect(await status()).toBe(401), 5000);
});

afterAll(async () => {
  await server?.close();
});

const call = (token?: string) => callGateway(stack, `/${path}/hello`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const status = async (token?: string) => (await call(token)).status;

/** Refused as revoked, with a message from the fixed list and without the token in it. */
async function expectRevoked(token: string, message: RegExp) {
  await waitFor(async () => expect(await status(token)).toBe(401), 5000);
  const answer = await call(token);
  expect(answer.body.error.code).toBe("token_revoked");
  expect(answer.body.error.message).toMatch(message);
  expect(JSON.stringify(answer.body)).not.toContain(token);
  expect(answer.headers.get("www-authenticate")).toContain('error="invalid_token"');
}

async function revoke(client: { clientId: string; secret?: string }, token: string, hint?: string) {
  const res = await fetch(`${issuer}/protocol/openid-connect/revoke`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token, client_id: client.clientId, ...(client.secret ? { client_secret: client.secret } : {}), ...(hint ? { token_type_hint: hint } : {}) }),
  });
  expect(res.status).toBe(200);
}

const patchClient = (clientId: string, enabled: boolean) =>
  callRoute(clientRoute.PATCH, { method: "PATCH", path: `/realms/${realm}/clients/${clientId}`, params: { realm, clientId }, body: { enabled } });
const patchUser = (enabled: boolean) =>
  callRoute(userRoute.PATCH, { method: "PATCH", path: `/realms/${realm}/users/${aliceId}`, params: { realm, userId: aliceId }, body: { enabled } });
const aliceTokens = () => authorizationCodeTokens({ issuer, clientId: "spa", redirectUri, scope: "openid", username: "alice", password: PASSWORD });

describe("revocation reaches the running gateway", () => {
  it("refuses a revoked access token and only that one", async () => {
    const token = await clientCredentialsToken(issuer, reader);
    expect(await status(token)).toBe(200);
    await revoke(reader, token, "access_token");
    await expectRevoked(token, /has been revoked/);
    expect(await status(await clientCredentialsToken(issuer, reader))).toBe(200);
    // It travelled as a delta of the config channel, not as a whole snapshot.
    const deltas = (await redis().zrange(configDeltaNames(env().CONFIG_CHANNEL_PREFIX).deltasKey, "-50", "-1")).map((m) => JSON.parse(m) as GatewayConfigDelta);
    const change = deltas.flatMap((d) => d.changes).find((c) => c.kind === "denial.upserted" && c.denial.value === decodeJwt(token).jti);
    expect(change).toMatchObject({ denial: { kind: "token", issuer } });
  });

  it("refuses a disabled client's token, and accepts it again once the client is re-enabled", async () => {
    const token = await clientCredentialsToken(issuer, nobody);
    expect(await status(token)).toBe(200);
    expect((await patchClient("nobody", false)).status).toBe(200);
    await expectRevoked(token, /client .* is disabled/);
    expect((await patchClient("nobody", true)).status).toBe(200);
    await waitFor(async () => expect(await status(token)).toBe(200), 5000);
  });

  it("refuses a disabled user's authorization-code token; re-enabled, the user signs in anew", async () => {
    const { access_token: token } = await aliceTokens();
    expect(decodeJwt(token).sub).toBe(aliceId);
    expect(await status(token)).toBe(200);
    expect((await patchUser(false)).status).toBe(200);
    await expectRevoked(token, /user .* is disabled/);
    expect((await patchUser(true)).status).toBe(200);
    // Disabling ended the user's logins, so the old token stays refused (as its login); a new login passes.
    await expectRevoked(token, /login .* has been revoked/);
    expect(await status((await aliceTokens()).access_token)).toBe(200);
  });

  it("refuses the access tokens of a login whose refresh token was revoked", async () => {
    const tokens = await aliceTokens();
    expect(typeof decodeJwt(tokens.access_token).sid).toBe("string");
    expect(await status(tokens.access_token)).toBe(200);
    await revoke({ clientId: "spa" }, tokens.refresh_token!);
    await expectRevoked(tokens.access_token, /login .* has been revoked/);
    // Another login of the same user is not affected.
    expect(await status((await aliceTokens()).access_token)).toBe(200);
  });

  it("drops a token's denial from the snapshot once the token has expired; a disabled client's stays", async () => {
    const token = await clientCredentialsToken(issuer, reader);
    await revoke(reader, token, "access_token");
    const { jti, exp } = decodeJwt(token);
    const realmIssuer = (denials: Awaited<ReturnType<typeof gatewayDenials>>) => denials.filter((d) => d.issuer === issuer);
    expect(realmIssuer(await gatewayDenials(db()))).toContainEqual(expect.objectContaining({ kind: "token", value: jti }));
    expect((await patchClient("nobody", false)).status).toBe(200);
    const afterExpiry = realmIssuer(await gatewayDenials(db(), new Date((exp! + 1) * 1000)));
    expect(afterExpiry.map((d) => d.value)).not.toContain(jti);
    expect(afterExpiry).toContainEqual({ kind: "client", issuer, value: "nobody", expiresAt: null });
    expect((await patchClient("nobody", true)).status).toBe(200);
  });
});
