// Key rotation without breaking anyone, scheduled rotation, and a gateway that trusts a realm
// through an API's jwtRequirements {realm}: tokens from the realm's token endpoint pass, a token
// without the required role gets 403.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as realmRoute from "@/app/api/v1/realms/[realm]/route";
import * as keysRoute from "@/app/api/v1/realms/[realm]/keys/route";
import * as rotateRoute from "@/app/api/v1/realms/[realm]/keys/rotate/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { runScheduledKeyRotations } from "@/lib/iam/realms/run-scheduled-key-rotations";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { clientCredentialsToken, realmWithReaderAndNobody } from "../support/realm-clients";

let server: RealmIssuerServer;
const suffix = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  server = await startRealmIssuerServer();
});
afterAll(async () => {
  await server?.close();
});

type Key = { kid: string; state: string; algorithm: string };

const newRealm = realmWithReaderAndNobody;
const tokenFor = clientCredentialsToken;

const keysOf = async (realm: string) => (await callRoute(keysRoute.GET, { path: `/realms/${realm}/keys`, params: { realm } })).body.items as Key[];
const publishedKids = async (issuer: string) =>
  ((await (await fetch(`${issuer}/protocol/openid-connect/certs`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
const rotate = (realm: string) => callRoute(rotateRoute.POST, { method: "POST", path: `/realms/${realm}/keys/rotate`, params: { realm } });

describe("key rotation", () => {
  it("publishes the next key before it signs, keeps old tokens verifiable, and signs new ones with the new kid", async () => {
    const realm = `rot-${suffix}`;
    const { issuer, reader } = await newRealm(realm);
    const before = await keysOf(realm);
    expect(before.map((k) => k.state).sort()).toEqual(["active", "staged"]);
    const active = before.find((k) => k.state === "active")!.kid;
    const staged = before.find((k) => k.state === "staged")!.kid;
    expect(await publishedKids(issuer)).toEqual(expect.arrayContaining([active, staged]));

    const oldToken = await tokenFor(issuer, reader);
    expect(decodeProtectedHeader(oldToken).kid).toBe(active);

    const rotated = await rotate(realm);
    expect(rotated.status).toBe(200);
    const after = rotated.body.items as Key[];
    expect(after.find((k) => k.state === "active")!.kid).toBe(staged);
    expect(after.find((k) => k.state === "passive")!.kid).toBe(active);
    const nextStaged = after.find((k) => k.state === "staged")!.kid;
    expect([active, staged]).not.toContain(nextStaged);

    const newToken = await tokenFor(issuer, reader);
    expect(decodeProtectedHeader(newToken).kid).toBe(staged);
    // A relying party that cached the JWKS before the rotation already had the new signing key.
    expect(await publishedKids(issuer)).toEqual(expect.arrayContaining([active, staged, nextStaged]));
    const jwks = createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`));
    await expect(jwtVerify(oldToken, jwks, { issuer })).resolves.toBeTruthy();
    await expect(jwtVerify(newToken, jwks, { issuer })).resolves.toBeTruthy();
  });

  it("drops a passive key from the JWKS only once the longest token lifetime has passed since it retired", async () => {
    const realm = `prune-${suffix}`;
    const { issuer } = await newRealm(realm);
    await rotate(realm);
    const passive = (await keysOf(realm)).find((k) => k.state === "passive")!.kid;
    await rotate(realm);
    // Retired moments ago: still published (two passive keys now).
    expect(await publishedKids(issuer)).toContain(passive);
    const keep = (await db().realm.findUniqueOrThrow({ where: { name: realm } })).refreshTokenLifetimeSeconds;
    await db().realmSigningKey.update({ where: { id: passive }, data: { retiredAt: new Date(Date.now() - (keep + 60) * 1000) } });
    await rotate(realm);
    expect(await publishedKids(issuer)).not.toContain(passive);
    expect((await keysOf(realm)).filter((k) => k.state === "active")).toHaveLength(1);
  });

  it("signs with ES256 when the realm says so", async () => {
    const realm = `es-${suffix}`;
    const { issuer, reader } = await newRealm(realm, { signingAlgorithm: "ES256" });
    const token = await tokenFor(issuer, reader);
    expect(decodeProtectedHeader(token).alg).toBe("ES256");
    await expect(jwtVerify(token, createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`)), { issuer })).resolves.toBeTruthy();
  });

  it("rotates on schedule the realms whose active key has signed for the interval, and no others", async () => {
    const due = `sched-${suffix}`;
    const fresh = `fresh-${suffix}`;
    await newRealm(due);
    await newRealm(fresh);
    for (const realm of [due, fresh]) {
      const res = await callRoute(realmRoute.PATCH, { method: "PATCH", path: `/realms/${realm}`, params: { realm }, body: { keyRotationIntervalSeconds: 3600 } });
      expect(res.status).toBe(200);
    }
    const dueRealm = await db().realm.findUniqueOrThrow({ where: { name: due } });
    await db().realmSigningKey.updateMany({ where: { realmId: dueRealm.id, state: "ACTIVE" }, data: { activatedAt: new Date(Date.now() - 7200_000) } });
    const activeBefore = (await keysOf(fresh)).find((k) => k.state === "active")!.kid;
    const rotated = await runScheduledKeyRotations();
    expect(rotated).toContain(due);
    expect(rotated).not.toContain(fresh);
    expect((await keysOf(due)).map((k) => k.state).sort()).toEqual(["active", "passive", "staged"]);
    expect((await keysOf(fresh)).find((k) => k.state === "active")!.kid).toBe(activeBefore);
    const audit = await db().auditEvent.findFirst({ where: { action: "realm.keys_rotated", entityId: dueRealm.id }, orderBy: { at: "desc" } });
    expect(audit?.actorLabel).toBe("scheduled key rotation");
  });
});

describe("an API bound to a realm", () => {
  const stack = useInProcessStack();

  it("accepts the realm's tokens with the required role, refuses others with 403, and keeps working across a rotation", async () => {
    const realm = `gw-${suffix}`;
    const { issuer, reader, nobody } = await newRealm(realm);
    const path = uniquePath("realm-bound");
    const api = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false });
    const bound = await callRoute(apiRoute.PATCH, {
      method: "PATCH",
      path: `/apis/${api.id}`,
      params: { apiId: api.id },
      body: { jwtRequirements: { realm, requiredRoles: ["orders-reader"] } },
    });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    expect(bound.body.jwtRequirements).toMatchObject({ realm, requiredRoles: ["orders-reader"] });

    const call = async (token?: string) =>
      (await callGateway(stack, `/${path}/hello`, token ? { headers: { authorization: `Bearer ${token}` } } : {})).status;
    await waitFor(async () => expect(await call()).toBe(401), 5000);
    expect(await call(await tokenFor(issuer, reader))).toBe(200);
    expect(await call(await tokenFor(issuer, nobody))).toBe(403);

    const beforeRotation = await tokenFor(issuer, reader);
    await rotate(realm);
    const afterRotation = await tokenFor(issuer, reader);
    expect(decodeProtectedHeader(afterRotation).kid).not.toBe(decodeProtectedHeader(beforeRotation).kid);
    expect(await call(afterRotation)).toBe(200);
    expect(await call(beforeRotation)).toBe(200);
  });

  it("refuses a binding to a realm that does not exist, and a realm delete while an API is bound", async () => {
    const api = await importedApi({ path: uniquePath("unbound"), subscriptionRequired: false });
    const res = await callRoute(apiRoute.PATCH, {
      method: "PATCH",
      path: `/apis/${api.id}`,
      params: { apiId: api.id },
      body: { jwtRequirements: { realm: "no-such-realm" } },
    });
    expect(res.status).toBe(422);
    const realm = `del-${suffix}`;
    await newRealm(realm);
    await callRoute(apiRoute.PATCH, { method: "PATCH", path: `/apis/${api.id}`, params: { apiId: api.id }, body: { jwtRequirements: { realm } } });
    const del = await callRoute(realmRoute.DELETE, { method: "DELETE", path: `/realms/${realm}`, params: { realm } });
    expect(del.status).toBe(409);
  });
});
