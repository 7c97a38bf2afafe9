// A developer's own account: change the password (the current one required, other sessions end)
// and delete the account (its subscriptions cancelled through the subscriptions domain, audited).
import { loginClient } from "../auth/support/auth-route-client";
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import * as meRoute from "@/app/api/v1/me/route";
import * as passwordRoute from "@/app/api/v1/me/password/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/iam/password";
import { callRoute } from "../support/call-route";
import { createIdentity, sessionFor } from "../support/identities";

const oldPassword = "the-old-password-1";
const newPassword = "the-new-password-2";

async function developerWithPassword() {
  const email = `own-${randomBytes(4).toString("hex")}@example.test`;
  const user = await db().user.create({ data: { email, name: "Own Dev", role: "DEVELOPER", passwordHash: await hashPassword(oldPassword) } });
  return { user, as: { way: await sessionFor(user) } };
}

const change = (as: { way: Awaited<ReturnType<typeof sessionFor>> }, body: unknown) =>
  callRoute(passwordRoute.POST, { method: "POST", path: "/me/password", as, body, headers: { "x-forwarded-for": `10.6.${Math.floor(Math.random() * 250)}.9` } });

describe("POST /me/password", () => {
  it.each([
    [{ currentPassword: "not-the-password", newPassword }, "currentPassword"],
    [{ currentPassword: oldPassword, newPassword: "short" }, "newPassword"],
    [{ currentPassword: oldPassword, newPassword: oldPassword }, "newPassword"],
  ])("refuses %j at its field", async (body, path) => {
    const { as } = await developerWithPassword();
    const res = await change(as, body);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([path]);
  });

  it("changes it, ends the sessions signed in before, and the new password signs in", async () => {
    const { user, as } = await developerWithPassword();
    expect((await change(as, { currentPassword: oldPassword, newPassword })).status).toBe(204);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordChangedAt).not.toBeNull();
    // The session was signed in within the same second; as a later change would, it now ends.
    await db().user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() + 5000) } });
    expect((await callRoute(meRoute.GET, { path: "/me", as })).status).toBe(401);
    await db().user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 5000) } });
    const signIn = await loginClient("10.5.0.1").signIn(user.email, newPassword);
    expect(new URL(String(signIn.body?.url)).searchParams.get("error")).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.password_changed", entityId: user.id } });
    expect(event.after).toMatchObject({ passwordChanged: true });
    expect(JSON.stringify(event.after)).not.toContain("scrypt");
  });

  it("is counted like a sign-in: repeated wrong passwords are throttled", async () => {
    const { as } = await developerWithPassword();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await change(as, { currentPassword: `wrong-${i}`, newPassword })).status);
    expect(statuses).toContain(429);
  });
});

describe("DELETE /me", () => {
  it("cancels the developer's subscriptions, deletes the account, and audits both", async () => {
    const { user, as } = await developerWithPassword();
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Own ${randomBytes(3).toString("hex")}`, state: "published" } });
    expect(product.status).toBe(201);
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", as, body: { productId: product.body.id, name: "mine" } });
    expect(sub.status).toBe(201);

    expect((await callRoute(meRoute.DELETE, { method: "DELETE", path: "/me", as, body: {} })).status).toBe(400);
    const res = await callRoute(meRoute.DELETE, { method: "DELETE", path: "/me", as, body: { confirm: true } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cancelledSubscriptions: 1 });
    expect(await db().user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db().subscription.findUniqueOrThrow({ where: { id: sub.body.id } })).toMatchObject({ state: "CANCELLED", userId: null });
    expect(await db().auditEvent.count({ where: { action: "subscription.state_changed", entityId: sub.body.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "user.deleted", entityId: user.id, actorId: user.id } })).toBe(1);
    expect((await callRoute(meRoute.GET, { path: "/me", as })).status).toBe(401);
  });

  it("is for developers only", async () => {
    const admin = await createIdentity("platform_admin", { via: "session", tag: "selfdel" });
    const res = await callRoute(meRoute.DELETE, { method: "DELETE", path: "/me", as: admin, body: { confirm: true } });
    expect(res.status).toBe(403);
  });
});
