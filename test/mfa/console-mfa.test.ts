// Console sign-in with a second factor, through next-auth's real route: a password alone never
// yields a session once a factor is enrolled; a TOTP code (generated here with otplib) does,
// once; wrong codes are throttled; recovery codes work once; an admin reset is audited; and a
// role the workspace requires MFA for enrols at sign-in.
// First: it sets up what Next's request scope needs before any route module loads Next.
import { createLoginUser, loginClient, sessionCookieOf, uniqueClientAddress, type AuthResponse } from "../auth/support/auth-route-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generate } from "otplib";
import { NextRequest } from "next/server";
import * as mfaRoute from "@/app/api/v1/me/mfa/route";
import * as totpRoute from "@/app/api/v1/me/mfa/totp/route";
import * as confirmRoute from "@/app/api/v1/me/mfa/totp/[factorId]/confirm/route";
import * as recoveryRoute from "@/app/api/v1/me/mfa/recovery-codes/route";
import * as resetRoute from "@/app/api/v1/users/[userId]/mfa/reset/route";
import * as settingsRoute from "@/app/api/v1/settings/route";
import * as signInStepRoute from "@/app/api/auth/mfa/[step]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity, sessionFor } from "../support/identities";

const PASSWORD = "the-right-password-1";
const errorCode = (res: AuthResponse) => (res.body?.error as { code?: string } | undefined)?.code;

beforeEach(() => void vi.useFakeTimers({ toFake: ["Date"], now: new Date() }));
afterEach(() => void vi.useRealTimers());
/** The next TOTP step: a fresh code (the clock is frozen, so codes only change when moved). */
const nextStep = () => vi.setSystemTime(Date.now() + 30_000);

async function userWithTotp() {
  const user = await createLoginUser(PASSWORD);
  const as = { way: await sessionFor(user) };
  const started = await callRoute(totpRoute.POST, { method: "POST", path: "/me/mfa/totp", as });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Portcullis:/);
  expect(started.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  const { factorId, secret } = started.body as { factorId: string; secret: string };
  const confirmed = await callRoute(confirmRoute.POST, {
    method: "POST",
    path: `/me/mfa/totp/${factorId}/confirm`,
    as,
    params: { factorId },
    body: { code: await generate({ secret }) },
  });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  nextStep();
  return { user, as, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

async function passwordStep(client: ReturnType<typeof loginClient>, email: string) {
  const res = await client.signIn(email, PASSWORD);
  expect(res.status).toBe(401);
  expect(sessionCookieOf(res)).toBeUndefined();
  return res;
}

describe("console sign-in with TOTP", () => {
  it("enrols: the secret is sealed at rest, the first factor brings ten recovery codes (hashed), all audited", async () => {
    const { user, as, secret, recoveryCodes } = await userWithTotp();
    expect(recoveryCodes).toHaveLength(10);
    const factor = await db().mfaFactor.findFirstOrThrow({ where: { userId: user.id } });
    expect(factor.totpSecretSealed).not.toContain(secret);
    expect(factor.confirmedAt).not.toBeNull();
    const stored = await db().mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((c) => c.codeHash)).not.toContain(recoveryCodes[0]);
    const status = await callRoute(mfaRoute.GET, { path: "/me/mfa", as });
    expect(status.body).toMatchObject({ factors: [{ type: "totp" }], recoveryCodesRemaining: 10, required: false });
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "mfa.enrolled" } })).toBe(1);
  });

  it("a password alone gets a pending step, no session; the token with a valid code signs in", async () => {
    const { user, secret } = await userWithTotp();
    const client = loginClient(uniqueClientAddress());
    const pending = await passwordStep(client, user.email);
    expect(errorCode(pending)).toBe("mfa_required");
    const mfaToken = pending.body!.mfaToken as string;
    expect(new URL(pending.body!.url as string).searchParams.get("error")).toBe(`mfa_verify:${mfaToken}`);

    const wrong = await client.signInWith({ email: user.email, mfaToken, code: "000000" === (await generate({ secret })) ? "111111" : "000000" });
    expect(wrong.status).toBe(401);
    expect(sessionCookieOf(wrong)).toBeUndefined();
    const ok = await client.signInWith({ email: user.email, mfaToken, code: await generate({ secret }) });
    expect(ok.status).toBe(200);
    expect(sessionCookieOf(ok)).toBeDefined();
    // The token is spent with the sign-in.
    nextStep();
    const again = await client.signInWith({ email: user.email, mfaToken, code: await generate({ secret }) });
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it("a code is single-use: replaying it within its window is refused", async () => {
    const { user, secret } = await userWithTotp();
    const client = loginClient(uniqueClientAddress());
    const code = await generate({ secret });
    const first = await client.signInWith({ email: user.email, password: PASSWORD, code });
    expect(sessionCookieOf(first)).toBeDefined();
    const token = (await passwordStep(client, user.email)).body!.mfaToken as string;
    const replay = await client.signInWith({ email: user.email, mfaToken: token, code });
    expect(replay.status).toBe(401);
    expect(sessionCookieOf(replay)).toBeUndefined();
  });

  it("wrong codes are throttled like wrong passwords, and then even the right code waits", async () => {
    const { user, secret } = await userWithTotp();
    const client = loginClient(uniqueClientAddress());
    const mfaToken = (await passwordStep(client, user.email)).body!.mfaToken as string;
    const right = await generate({ secret });
    const wrongCode = right === "123456" ? "654321" : "123456";
    const statuses: number[] = [];
    for (let i = 0; i < 8 && !statuses.includes(429); i++) {
      statuses.push((await client.signInWith({ email: user.email, mfaToken, code: wrongCode })).status);
    }
    expect(statuses).toContain(429);
    const blocked = await client.signInWith({ email: user.email, mfaToken, code: right });
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked)).toBe("login_throttled");
  });

  it("a recovery code works once, is audited, and new codes replace the old", async () => {
    const { user, as, recoveryCodes } = await userWithTotp();
    const client = loginClient(uniqueClientAddress());
    const token1 = (await passwordStep(client, user.email)).body!.mfaToken as string;
    const used = await client.signInWith({ email: user.email, mfaToken: token1, code: recoveryCodes[0]!.toUpperCase() });
    expect(sessionCookieOf(used)).toBeDefined();
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "mfa.recovery_code_used" } })).toBe(1);
    const token2 = (await passwordStep(client, user.email)).body!.mfaToken as string;
    expect(sessionCookieOf(await client.signInWith({ email: user.email, mfaToken: token2, code: recoveryCodes[0]! }))).toBeUndefined();

    const fresh = await callRoute(recoveryRoute.POST, { method: "POST", path: "/me/mfa/recovery-codes", as });
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const token3 = (await passwordStep(client, user.email)).body!.mfaToken as string;
    expect(sessionCookieOf(await client.signInWith({ email: user.email, mfaToken: token3, code: recoveryCodes[1]! }))).toBeUndefined();
    // Four refusals in a row (pending password steps count until a factor passes): the account waits a little.
    nextStep();
    const token4 = (await passwordStep(client, user.email)).body!.mfaToken as string;
    nextStep();
    expect(sessionCookieOf(await client.signInWith({ email: user.email, mfaToken: token4, code: fresh.body.recoveryCodes[1] }))).toBeDefined();
  });

  it("API tokens cannot manage factors: only one's own session", async () => {
    const holder = await createIdentity("viewer", { tag: "mfa-token" });
    const res = await callRoute(totpRoute.POST, { method: "POST", path: "/me/mfa/totp", as: holder });
    expect(res.status).toBe(403);
  });
});

describe("admin reset", () => {
  it("removes the factors and codes, is audited, and the password alone signs in again; a viewer may not", async () => {
    const { user } = await userWithTotp();
    const viewer = await createIdentity("viewer", { tag: "mfa-reset" });
    const path = `/users/${user.id}/mfa/reset`;
    expect((await callRoute(resetRoute.POST, { method: "POST", path, as: viewer, params: { userId: user.id } })).status).toBe(403);
    const reset = await callRoute(resetRoute.POST, { method: "POST", path, params: { userId: user.id } });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ removedFactors: 1, removedRecoveryCodes: 10 });
    const events = await db().auditEvent.findMany({ where: { entityId: user.id, action: "mfa.reset" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ email: user.email, removedFactors: 1 });
    const res = await loginClient(uniqueClientAddress()).signIn(user.email, PASSWORD);
    expect(sessionCookieOf(res)).toBeDefined();
  });
});

describe("policy per console role", () => {
  async function signInStep(step: string, mfaToken: string) {
    const request = new NextRequest(`http://localhost:3000/api/auth/mfa/${step}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ mfaToken }),
    });
    const res = await signInStepRoute.POST(request, { params: Promise.resolve({ step }) });
    return { status: res.status, body: await res.json() };
  }

  it("a viewer without a factor must enrol right after the password, and is signed in by the first code", async () => {
    const patch = (mfaRequiredRoles: string[]) =>
      callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { security: { mfaRequiredRoles } } });
    expect((await patch(["viewer"])).status).toBe(200);
    try {
      const user = await createLoginUser(PASSWORD);
      const client = loginClient(uniqueClientAddress());
      const pending = await passwordStep(client, user.email);
      expect(errorCode(pending)).toBe("mfa_enrolment_required");
      const mfaToken = pending.body!.mfaToken as string;
      // Without a code nothing is enrolled and no session is made.
      expect(sessionCookieOf(await client.signInWith({ email: user.email, mfaToken }))).toBeUndefined();

      const enrolment = await signInStep("totp-enrolment", mfaToken);
      expect(enrolment.status).toBe(200);
      const ok = await client.signInWith({ email: user.email, mfaToken, code: await generate({ secret: enrolment.body.secret }) });
      expect(ok.status).toBe(200);
      expect(sessionCookieOf(ok)).toBeDefined();
      expect(await db().mfaFactor.count({ where: { userId: user.id, confirmedAt: { not: null } } })).toBe(1);
      expect(await db().auditEvent.count({ where: { entityId: user.id, action: "mfa.enrolled" } })).toBe(1);
      // Enrolled now: the next sign-in asks for the factor, and the sign-in helpers refuse a second enrolment.
      nextStep();
      const next = await passwordStep(client, user.email);
      expect(errorCode(next)).toBe("mfa_required");
      expect((await signInStep("totp-enrolment", next.body!.mfaToken as string)).status).toBe(403);
    } finally {
      await patch([]);
    }
  });
});
