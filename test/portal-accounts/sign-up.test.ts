// POST /signup in each sign-up mode, approval in the console's API, invitations, the password
// rules, throttling, and that every account change is audited.
// First: it installs the request scope next-auth needs before Next modules load.
import { loginClient } from "../auth/support/auth-route-client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import * as approveRoute from "@/app/api/v1/users/[userId]/approve/route";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as signUpRoute from "@/app/api/v1/signup/route";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { env } from "@/lib/env";
import { callRoute } from "../support/call-route";
import { createIdentity } from "../support/identities";

const unique = () => randomBytes(4).toString("hex");
const password = "a-long-enough-password";
let address = "";

const setMode = (signUpMode: string) => callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { portal: { signUpMode } } });
const signUp = (body: Record<string, unknown>, from = address) =>
  callRoute(signUpRoute.POST, { method: "POST", path: "/signup", body, as: null, headers: { "x-forwarded-for": from } });
const signInError = async (email: string, pw = password) => {
  const res = await loginClient(`10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`).signIn(email, pw);
  const url = typeof res.body?.url === "string" ? new URL(res.body.url) : null;
  return url?.searchParams.get("error") ?? null;
};

beforeEach(() => {
  address = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

afterAll(async () => {
  await setMode("open");
});

describe("sign-up, open mode", () => {
  it("creates a developer who signs in at once, audited as themself", async () => {
    await setMode("open");
    const email = `Open-${unique()}@Example.test`;
    const res = await signUp({ email, name: "Open Dev", password });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ status: "active", email: email.toLowerCase() });
    const user = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ role: "DEVELOPER", awaitingApproval: false });
    expect(user.passwordHash.startsWith("scrypt$")).toBe(true);
    expect(await signInError(user.email)).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.signed_up", entityId: user.id } });
    expect(event).toMatchObject({ actorType: "user", actorId: user.id });
    expect(JSON.stringify(event.after)).not.toContain("scrypt");
  });

  it.each([
    [{ email: "not-an-email", name: "X", password }, "email"],
    [{ email: `short-${unique()}@example.test`, name: "X", password: "short" }, "password"],
    [{ email: `noname-${unique()}@example.test`, name: " ", password }, "name"],
  ])("refuses %j at its field", async (body, path) => {
    const res = await signUp(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it("refuses an email that already has an account (409 at the email field)", async () => {
    const taken = await createIdentity("viewer", { tag: "taken" });
    const res = await signUp({ email: taken.email, name: "Copy", password });
    expect(res.status).toBe(409);
    expect(res.body.error.issues).toEqual([{ path: "email", message: expect.stringContaining("already exists") }]);
  });

  it("throttles sign-ups per client address (429 with Retry-After seconds)", async () => {
    const from = `10.7.${Math.floor(Math.random() * 250)}.1`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signUp({ email: `burst-${unique()}@example.test`, name: "Burst", password }, from)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const refused = await signUp({ email: `burst-${unique()}@example.test`, name: "Burst", password }, from);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    await redis().del(`${env().CONFIG_CHANNEL_PREFIX}:sign-up-throttle:address:${from}`);
  });
});

describe("sign-up, approval mode", () => {
  it("waits until a platform admin approves, then signs in", async () => {
    await setMode("approval");
    const email = `wait-${unique()}@example.test`;
    const res = await signUp({ email, name: "Waiting Dev", password });
    expect(res.body).toEqual({ status: "awaiting_approval", email });
    expect(await signInError(email)).toBe("account_awaiting_approval");
    // A wrong password is not told that the account exists.
    expect(await signInError(email, "a-wrong-password-1")).not.toBe("account_awaiting_approval");

    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const publisher = await createIdentity("api_publisher", { tag: "approve" });
    expect((await callRoute(approveRoute.POST, { method: "POST", params: { userId: user.id }, as: publisher })).status).toBe(403);
    const approved = await callRoute(approveRoute.POST, { method: "POST", params: { userId: user.id } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: user.id, awaitingApproval: false });
    expect(await signInError(email)).toBeNull();
    expect((await callRoute(approveRoute.POST, { method: "POST", params: { userId: user.id } })).status).toBe(409);
    expect(await db().auditEvent.count({ where: { action: "user.approved", entityId: user.id } })).toBe(1);
  });
});

describe("sign-up, invitation mode", () => {
  it("admits only an invited email, once, with the link's token", async () => {
    await setMode("invitation");
    const email = `invited-${unique()}@example.test`;
    expect((await signUp({ email, name: "Uninvited", password })).body.error.issues[0].path).toBe("invitation");

    const invited = await callRoute(invitationsRoute.POST, { method: "POST", path: "/invitations", body: { email } });
    expect(invited.status).toBe(201);
    const link = new URL(invited.body.signUpUrl);
    expect(link.pathname).toBe("/signup");
    const token = link.searchParams.get("invitation")!;
    const stored = await db().portalInvitation.findUniqueOrThrow({ where: { id: invited.body.id } });
    expect(stored.tokenHash).not.toContain(token);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "portal.invitation_created", entityId: invited.body.id } });
    expect(JSON.stringify(audit.after)).not.toContain(token);

    const other = await signUp({ email: `other-${unique()}@example.test`, name: "Other", password, invitation: token });
    expect(other.body.error.issues[0]).toEqual({ path: "invitation", message: expect.stringContaining("not for this email") });
    const ok = await signUp({ email, name: "Invited Dev", password, invitation: token });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe("active");
    expect((await db().portalInvitation.findUniqueOrThrow({ where: { id: invited.body.id } })).usedAt).not.toBeNull();

    // The used link cannot open a second account.
    await db().user.delete({ where: { email } });
    const again = await signUp({ email, name: "Again", password, invitation: token });
    expect(again.body.error.issues[0].message).toContain("already used");
  });

  it("refuses an expired invitation, and invitations for emails that have an account", async () => {
    await setMode("invitation");
    const email = `late-${unique()}@example.test`;
    const invited = await callRoute(invitationsRoute.POST, { method: "POST", path: "/invitations", body: { email, expiresInDays: 1 } });
    await db().portalInvitation.update({ where: { id: invited.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const token = new URL(invited.body.signUpUrl).searchParams.get("invitation")!;
    expect((await signUp({ email, name: "Late", password, invitation: token })).body.error.issues[0].message).toContain("expired");

    const member = await createIdentity("developer", { tag: "member" });
    const dup = await callRoute(invitationsRoute.POST, { method: "POST", path: "/invitations", body: { email: member.email } });
    expect(dup.status).toBe(409);
    const viewer = await createIdentity("viewer", { tag: "inviter" });
    expect((await callRoute(invitationsRoute.POST, { method: "POST", path: "/invitations", body: { email }, as: viewer })).status).toBe(403);
  });
});
