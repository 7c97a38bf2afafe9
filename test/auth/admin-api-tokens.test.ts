// Admin API tokens: created with the secret shown once and only its SHA-256 stored, listed
// without it, usable as Bearer, refused (401) once revoked or expired, capped by the creator's role.
import { describe, expect, it } from "vitest";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as tokenRoute from "@/app/api/v1/tokens/[tokenId]/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as usersRoute from "@/app/api/v1/users/[userId]/route";
import type { Actor } from "@/lib/iam/actor";
import { createAdminApiToken } from "@/lib/iam/tokens/create-admin-api-token";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity, withToken, type Identity } from "../support/identities";

async function createToken(body: Record<string, unknown>, as?: Identity) {
  const res = await callRoute(tokensRoute.POST, { method: "POST", body, as });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("admin API tokens", () => {
  it("answers the secret once, stores only its hash, lists it without the secret, and audits", async () => {
    const created = await createToken({ name: "CI deploy", role: "viewer" });
    expect(created).toMatchObject({ name: "CI deploy", role: "viewer", status: "active", expiresAt: null });
    expect(created.token).toMatch(/^pcl_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const row = await db().adminApiToken.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const listed = await callRoute(tokensRoute.GET, {});
    const item = listed.body.items.find((t: { id: string }) => t.id === created.id);
    expect(item).toMatchObject({ name: "CI deploy", prefix: created.prefix });
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    expect(JSON.stringify(listed.body)).not.toContain(row.tokenHash);

    const me = await callRoute(meRoute.GET, { as: withToken(created.token) });
    expect(me.body).toMatchObject({ role: "viewer" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "token.created" } });
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("a revoked token answers 401; revoking twice changes nothing", async () => {
    const created = await createToken({ name: "to revoke" });
    expect((await callRoute(meRoute.GET, { as: withToken(created.token) })).status).toBe(200);
    const revoked = await callRoute(tokenRoute.DELETE, { method: "DELETE", params: { tokenId: created.id } });
    expect(revoked.body).toMatchObject({ id: created.id, status: "revoked" });
    const again = await callRoute(tokenRoute.DELETE, { method: "DELETE", params: { tokenId: created.id } });
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);

    const res = await callRoute(meRoute.GET, { as: withToken(created.token) });
    expect(res).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    expect(await db().auditEvent.count({ where: { entityId: created.id, action: "token.revoked" } })).toBe(1);
  });

  it("an expired token answers 401", async () => {
    const created = await createToken({ name: "short-lived", expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await callRoute(meRoute.GET, { as: withToken(created.token) })).status).toBe(200);
    await db().adminApiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(meRoute.GET, { as: withToken(created.token) })).status).toBe(401);
    const listed = await callRoute(tokensRoute.GET, {});
    expect(listed.body.items.find((t: { id: string }) => t.id === created.id).status).toBe("expired");
  });

  it("a token created by a user acts for that user and dies when the user is demoted", async () => {
    await createIdentity("platform_admin", { tag: "keeper" }); // the creator is not the last admin
    const creator = await createIdentity("platform_admin", { tag: "creator" });
    const created = await createToken({ name: "automation", role: "platform_admin" }, creator);
    expect(created.createdBy).toMatchObject({ id: creator.userId });
    expect((await callRoute(meRoute.GET, { as: withToken(created.token) })).body).toMatchObject({ id: creator.userId, role: "platform_admin" });

    await callRoute(usersRoute.PATCH, { method: "PATCH", params: { userId: creator.userId }, body: { role: "viewer" } });
    expect((await callRoute(meRoute.GET, { as: withToken(created.token) })).status).toBe(401);
  });

  it.each([
    ["api_publisher", "platform_admin"],
    ["viewer", "api_publisher"],
    ["developer", "viewer"],
  ] as const)("a %s may not create a %s token (403)", async (creatorRole, tokenRole) => {
    const actor: Actor = { type: "user", id: "u", label: "u", role: creatorRole, userId: null };
    await expect(createAdminApiToken({ name: "escalate", role: tokenRole }, actor)).rejects.toMatchObject({ code: "forbidden" });
  });

  it.each([
    ["no name", {}, 400],
    ["an unknown role", { name: "x", role: "root" }, 400],
    ["an expiry in the past", { name: "x", expiresAt: "2020-01-01T00:00:00Z" }, 400],
    ["an expiry that is not a date", { name: "x", expiresAt: "tomorrow" }, 400],
  ])("POST with %s answers 400", async (_label, body, status) => {
    const res = await callRoute(tokensRoute.POST, { method: "POST", body });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it("DELETE of an unknown token answers 404", async () => {
    const res = await callRoute(tokenRoute.DELETE, { method: "DELETE", params: { tokenId: "no-such-token" } });
    expect(res).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});
