// Temporary lockout: 10 consecutive wrong passwords lock the account for 15 minutes, persisted on
// the user, audited, shown to admins, undone by an admin. A patient attacker waits out every
// Retry-After (the frozen clock moves forward), so only the lockout stops them.
// First: it sets up what Next's request scope needs before any route module loads Next.
import { createLoginUser, loginClient, uniqueClientAddress, uniqueEmail } from "./support/auth-route-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity } from "../support/identities";

const PASSWORD = "the-right-password-1";
const FIFTEEN_MINUTES = 15 * 60_000;

beforeEach(() => void vi.useFakeTimers({ toFake: ["Date"], now: new Date() }));
afterEach(() => void vi.useRealTimers());

/** Wrong passwords, waiting out each 429, until `failures` of them were actually checked. */
async function patientAttack(client: ReturnType<typeof loginClient>, email: string, failures: number) {
  const codes: string[] = [];
  let checked = 0;
  while (checked < failures) {
    const res = await client.signIn(email, "wrong-password");
    if (res.status === 401) checked++;
    else vi.setSystemTime(Date.now() + Number(res.headers.get("retry-after")) * 1000);
    codes.push(res.status === 401 ? "401" : String((res.body?.error as { code: string }).code));
  }
  return codes;
}

const errorCode = (res: { body: Record<string, unknown> | null }) => (res.body?.error as { code?: string } | undefined)?.code;

describe("temporary lockout", () => {
  it("locks after 10 failures: the right password is refused, the lock is audited and listed, an admin unlocks", async () => {
    const user = await createLoginUser(PASSWORD);
    const client = loginClient(uniqueClientAddress());
    await patientAttack(client, user.email, 10);

    const refused = await client.signIn(user.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe("account_locked");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginAttempts).toBe(10);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(FIFTEEN_MINUTES - 60_000);
    const lockEvents = await db().auditEvent.findMany({ where: { entityId: user.id, action: "user.locked_out" } });
    expect(lockEvents).toHaveLength(1);
    expect(lockEvents[0]!.after).toMatchObject({ email: user.email, failedLoginAttempts: 10 });

    const viewer = await createIdentity("viewer", { tag: "lockout" });
    const listed = await callRoute(usersRoute.GET, { as: viewer, path: `/users?email=${encodeURIComponent(user.email)}` });
    expect(listed.body.items.find((u: { id: string }) => u.id === user.id)).toMatchObject({
      locked: true,
      failedLoginAttempts: 10,
      lockedUntil: row.lockedUntil!.toISOString(),
    });

    const unlocked = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: user.id }, body: { unlock: true } });
    expect(unlocked.body).toMatchObject({ locked: false, lockedUntil: null, failedLoginAttempts: 0 });
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.unlocked" } })).toBe(1);
    expect((await client.signIn(user.email, PASSWORD)).status).toBe(200);
  });

  it("a viewer cannot unlock", async () => {
    const user = await createLoginUser(PASSWORD);
    const viewer = await createIdentity("viewer", { tag: "unlock" });
    const res = await callRoute(userRoute.PATCH, { method: "PATCH", as: viewer, params: { userId: user.id }, body: { unlock: true } });
    expect(res.status).toBe(403);
  });

  it("the lock ends by itself after 15 minutes, and the right password then resets the count", async () => {
    const user = await createLoginUser(PASSWORD);
    const client = loginClient(uniqueClientAddress());
    await patientAttack(client, user.email, 10);
    vi.setSystemTime(Date.now() + FIFTEEN_MINUTES + 1000);
    expect((await client.signIn(user.email, PASSWORD)).status).toBe(200);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLoginAttempts: 0, lockedUntil: null });
  });

  it("a lock on the user row holds even when Redis has forgotten the account (restarted empty)", async () => {
    const user = await createLoginUser(PASSWORD);
    await db().user.update({ where: { id: user.id }, data: { failedLoginAttempts: 10, lockedUntil: new Date(Date.now() + 60_000) } });
    const refused = await loginClient(uniqueClientAddress()).signIn(user.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe("account_locked");
    expect(Number(refused.headers.get("retry-after"))).toBe(60);
  });

  it.each([
    { who: "an existing account", email: async () => (await createLoginUser(PASSWORD)).email },
    { who: "an unknown email", email: async () => uniqueEmail("nobody") },
    { who: "a disabled account", email: async () => (await createLoginUser(PASSWORD, { disabled: true })).email },
  ])("answers $who with the same sequence, so lockout reveals nothing", async ({ email }) => {
    const client = loginClient(uniqueClientAddress());
    const target = await email();
    const codes = await patientAttack(client, target, 10);
    expect(codes).toEqual([
      ...["401", "401", "401", "401", "401"],
      ...["login_throttled", "401", "login_throttled", "401", "login_throttled", "401"],
      ...["login_throttled", "401", "login_throttled", "401"],
    ]);
    expect(errorCode(await client.signIn(target, PASSWORD))).toBe("account_locked");
  });
});
