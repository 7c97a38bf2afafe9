// PATCH /api/v1/users/{id} {"unlock": true}: what the user resource shows of a lockout, and what
// an unlock changes and audits. (The lockout itself: test/auth/login-lockout.test.ts.)
import { describe, expect, it } from "vitest";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";

const inFuture = () => new Date(Date.now() + 10 * 60_000);
const inPast = () => new Date(Date.now() - 60_000);

async function userWith(data: { failedLoginAttempts: number; lockedUntil: Date | null }) {
  return db().user.create({
    data: { email: `${uniquePath("unlock")}@test.local`, name: "Locked Out", role: "VIEWER", passwordHash: "scrypt$unusable", ...data },
  });
}

describe("user lockout in the user resource", () => {
  it.each([
    { state: "locked", data: { failedLoginAttempts: 10, lockedUntil: inFuture() }, locked: true },
    { state: "a lock that has run out", data: { failedLoginAttempts: 10, lockedUntil: inPast() }, locked: false },
    { state: "some failures", data: { failedLoginAttempts: 3, lockedUntil: null }, locked: false },
  ])("shows $state", async ({ data, locked }) => {
    const user = await userWith(data);
    const res = await callRoute(userRoute.GET, { params: { userId: user.id } });
    expect(res.body).toMatchObject({ locked, failedLoginAttempts: data.failedLoginAttempts, lockedUntil: locked ? data.lockedUntil!.toISOString() : null });
  });

  it.each([
    { state: "locked", data: { failedLoginAttempts: 10, lockedUntil: inFuture() }, audited: 1 },
    { state: "some failures", data: { failedLoginAttempts: 3, lockedUntil: null }, audited: 1 },
    { state: "nothing to undo", data: { failedLoginAttempts: 0, lockedUntil: null }, audited: 0 },
  ])("unlocking a user with $state resets them and audits $audited event(s)", async ({ data, audited }) => {
    const user = await userWith(data);
    const res = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: user.id }, body: { unlock: true } });
    expect(res).toMatchObject({ status: 200, body: { locked: false, lockedUntil: null, failedLoginAttempts: 0 } });
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.unlocked" } })).toBe(audited);
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "user.updated" } })).toBe(0);
  });

  it("unlocks and renames in one request, auditing both", async () => {
    const user = await userWith({ failedLoginAttempts: 10, lockedUntil: inFuture() });
    const res = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: user.id }, body: { unlock: true, name: "Back In" } });
    expect(res.body).toMatchObject({ name: "Back In", locked: false, failedLoginAttempts: 0 });
    const actions = (await db().auditEvent.findMany({ where: { entityId: user.id } })).map((e) => e.action).sort();
    expect(actions).toEqual(["user.unlocked", "user.updated"]);
  });

  it.each([{ unlock: false }, { unlock: "yes" }])("refuses unlock: %o", async (body) => {
    const user = await userWith({ failedLoginAttempts: 0, lockedUntil: null });
    const res = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: user.id }, body });
    expect(res).toMatchObject({ status: 400, body: { error: { code: "validation_failed" } } });
  });
});
