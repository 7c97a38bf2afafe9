// The realms management API: shapes of the contract, validation, secrets shown once and stored
// hashed, private keys sealed at rest, paging, and every change in the audit log.
import { describe, expect, it } from "vitest";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as realmRoute from "@/app/api/v1/realms/[realm]/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as rotateSecretRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/rotate-secret/route";
import * as groupsRoute from "@/app/api/v1/realms/[realm]/groups/route";
import * as rolesRoute from "@/app/api/v1/realms/[realm]/roles/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import * as userRoute from "@/app/api/v1/realms/[realm]/users/[userId]/route";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";

const suffix = Math.random().toString(36).slice(2, 8);

async function realmNamed(name: string) {
  const res = await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name, displayName: "Acme" } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /realms", () => {
  it("answers 201 {id, name, issuer} with the issuer on the console's origin", async () => {
    const body = await realmNamed(`acme-${suffix}`);
    expect(body).toMatchObject({ name: `acme-${suffix}`, issuer: expect.stringMatching(new RegExp(`/realms/acme-${suffix}$`)) });
    expect(typeof body.id).toBe("string");
    expect(body.realm).toMatchObject({ displayName: "Acme", enabled: true, accessTokenLifetimeSeconds: 300, signingAlgorithm: "RS256" });
    const audit = await db().auditEvent.findFirst({ where: { action: "realm.created", entityId: body.id } });
    expect(audit).not.toBeNull();
  });

  it.each([
    ["an upper-case name", { name: "Acme" }],
    ["a name with a slash", { name: "a/b" }],
    ["a leading dash", { name: "-acme" }],
    ["an unknown field", { name: `x-${suffix}`, issuer: "https://evil" }],
    ["an unknown algorithm", { name: `y-${suffix}`, signingAlgorithm: "HS256" }],
  ])("refuses %s with 400 validation_failed", async (_what, body) => {
    const res = await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it("answers 409 for a name taken", async () => {
    await realmNamed(`dup-${suffix}`);
    const res = await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: `dup-${suffix}` } });
    expect(res.status).toBe(409);
  });

  it("seals the private keys at rest", async () => {
    const { id } = await realmNamed(`sealed-${suffix}`);
    const keys = await db().realmSigningKey.findMany({ where: { realmId: id }, omit: { privateKeyCiphertext: false } });
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key.privateKeyCiphertext).toMatch(/^v1\./);
      expect(key.privateKeyCiphertext).not.toContain('"d"');
      expect(key.publicJwk).not.toHaveProperty("d");
    }
  });
});

describe("GET /realms", () => {
  it("pages by name with nextCursor", async () => {
    for (const n of ["pa", "pb", "pc"]) await realmNamed(`${n}-${suffix}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await callRoute(realmsRoute.GET, { path: `/realms?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((r: { name: string }) => r.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining([`pa-${suffix}`, `pb-${suffix}`, `pc-${suffix}`]));
  });
});

describe("realm contents", () => {
  it("creates roles, groups and users; refuses unknown roles with 422; never answers a password hash", async () => {
    const realm = `dir-${suffix}`;
    await realmNamed(realm);
    const params = { realm };
    expect((await callRoute(rolesRoute.POST, { method: "POST", path: `/realms/${realm}/roles`, params, body: { name: "clerk", description: "Clerks" } })).status).toBe(201);
    const group = await callRoute(groupsRoute.POST, { method: "POST", path: `/realms/${realm}/groups`, params, body: { name: "staff", roles: ["clerk"] } });
    expect(group.status).toBe(201);
    expect(group.body.roles).toEqual(["clerk"]);
    const unknownRole = await callRoute(groupsRoute.POST, { method: "POST", path: `/realms/${realm}/groups`, params, body: { name: "x", roles: ["ghost"] } });
    expect(unknownRole.status).toBe(422);
    const user = await callRoute(usersRoute.POST, {
      method: "POST",
      path: `/realms/${realm}/users`,
      params,
      body: { username: "Bob", password: "a long enough password", groups: ["staff"] },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    expect(user.body).toMatchObject({ username: "bob", hasPassword: true, groups: ["staff"], enabled: true });
    expect(JSON.stringify(user.body)).not.toMatch(/scrypt/);
    const short = await callRoute(usersRoute.POST, { method: "POST", path: `/realms/${realm}/users`, params, body: { username: "c", password: "short" } });
    expect(short.status).toBe(400);
    const disabled = await callRoute(userRoute.PATCH, {
      method: "PATCH",
      path: `/realms/${realm}/users/${user.body.id}`,
      params: { realm, userId: user.body.id },
      body: { enabled: false },
    });
    expect(disabled.body).toMatchObject({ enabled: false, groups: ["staff"] });
    const stored = await db().realmUser.findUniqueOrThrow({ where: { id: user.body.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
  });

  it("shows a confidential client's secret once, stores only its hash, and rotates it", async () => {
    const realm = `cli-${suffix}`;
    await realmNamed(realm);
    const params = { realm };
    const made = await callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params, body: { clientId: "ci", type: "confidential" } });
    expect(made.status).toBe(201);
    expect(made.body.clientSecret).toMatch(/^pcs_/);
    const stored = await db().realmClient.findFirstOrThrow({ where: { clientId: "ci", realm: { name: realm } }, omit: { secretHash: false } });
    expect(stored.secretHash).toBe(sha256Hex(made.body.clientSecret));
    const listed = await callRoute(clientsRoute.GET, { path: `/realms/${realm}/clients`, params });
    expect(JSON.stringify(listed.body)).not.toContain(made.body.clientSecret);
    const rotated = await callRoute(rotateSecretRoute.POST, { method: "POST", path: `/realms/${realm}/clients/ci/rotate-secret`, params: { realm, clientId: "ci" } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.clientSecret).not.toBe(made.body.clientSecret);
    const publicClient = await callRoute(clientsRoute.POST, {
      method: "POST",
      path: `/realms/${realm}/clients`,
      params,
      body: { clientId: "spa", type: "public", redirectUris: ["https://app.example/cb"] },
    });
    expect(publicClient.body.clientSecret).toBeNull();
    expect((await callRoute(rotateSecretRoute.POST, { method: "POST", path: `/realms/${realm}/clients/spa/rotate-secret`, params: { realm, clientId: "spa" } })).status).toBe(409);
  });

  it.each([
    ["an http redirect URI off loopback", { clientId: "a", type: "public", redirectUris: ["http://app.example/cb"] }],
    ["a redirect URI with a fragment", { clientId: "b", type: "public", redirectUris: ["https://app.example/cb#x"] }],
    ["an unknown type", { clientId: "c", type: "trusted" }],
    ["a scope with a space", { clientId: "d", type: "confidential", scopes: ["a b"] }],
  ])("refuses a client with %s", async (_what, body) => {
    const realm = `val-${suffix}`;
    if ((await callRoute(realmRoute.GET, { path: `/realms/${realm}`, params: { realm } })).status === 404) await realmNamed(realm);
    const res = await callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params: { realm }, body });
    expect(res.status).toBe(400);
  });

  it("answers 404 for a realm that does not exist", async () => {
    const res = await callRoute(rolesRoute.GET, { path: "/realms/nope/roles", params: { realm: "nope" } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
