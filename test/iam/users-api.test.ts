// Console users: create, list, change role, disable; passwords hashed and never returned;
// the last active platform admin cannot be demoted or disabled.
import { describe, expect, it, onTestFinished } from "vitest";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import * as meRoute from "@/app/api/v1/me/route";
import { verifyPassword } from "@/lib/iam/password";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity } from "../support/identities";

const newUser = (role = "viewer") => ({ email: `${uniquePath("Someone")}@Example.test`, name: "Some One", role, password: "correct horse battery" });

async function createUser(body = newUser()) {
  const res = await callRoute(usersRoute.POST, { method: "POST", body });
  expect(res.status).toBe(201);
  return res.body;
}

describe("users", () => {
  it("creates a user with a hashed password that is never answered, and lists it", async () => {
    const input = newUser("api_publisher");
    const user = await createUser(input);
    expect(user).toMatchObject({ email: input.email.toLowerCase(), name: "Some One", role: "api_publisher", disabled: false });
    expect(JSON.stringify(user)).not.toMatch(/password/i);

    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(input.password, row.passwordHash)).toBe(true);

    const listed = await callRoute(usersRoute.GET, { path: `/users?search=${encodeURIComponent(user.email)}` });
    expect(listed.body.items.map((u: { id: string }) => u.id)).toContain(user.id);
    expect(JSON.stringify(listed.body)).not.toMatch(/passwordHash|scrypt/);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.created" } });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|correct horse/);
  });

  it("changes name, role and password, disables, and records before/after", async () => {
    const user = await createUser();
    const res = await callRoute(userRoute.PATCH, {
      method: "PATCH",
      params: { userId: user.id },
      body: { name: "Renamed", role: "api_publisher", password: "another long password" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Renamed", role: "api_publisher" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword("another long password", row.passwordHash)).toBe(true);

    const disabled = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: user.id }, body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    const events = await db().auditEvent.findMany({ where: { entityId: user.id, action: "user.updated" }, orderBy: { at: "asc" } });
    expect(events[0]).toMatchObject({ before: { role: "viewer", name: "Some One" }, after: { role: "api_publisher", passwordChanged: true } });
    expect(JSON.stringify(events)).not.toMatch(/scrypt|another long password/);
  });

  it("a disabled user's API tokens stop working", async () => {
    await createIdentity("platform_admin", { tag: "keeper" }); // so the next one is not the last admin
    const admin = await createIdentity("platform_admin", { tag: "disable" });
    expect((await callRoute(meRoute.GET, { as: admin })).status).toBe(200);
    const res = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: admin.userId }, body: { disabled: true } });
    expect(res.status).toBe(200);
    expect((await callRoute(meRoute.GET, { as: admin })).status).toBe(401);
  });

  it("refuses to demote or disable the last active platform admin (409), allows it when another exists", async () => {
    // Make every other admin inactive for this test, so the new one is the last.
    const active = await db().user.findMany({ where: { role: "PLATFORM_ADMIN", disabled: false }, select: { id: true } });
    await db().user.updateMany({ where: { id: { in: active.map((u) => u.id) } }, data: { disabled: true } });
    onTestFinished(() => db().user.updateMany({ where: { id: { in: active.map((u) => u.id) } }, data: { disabled: false } }).then(() => {}));
    const last = await createUser(newUser("platform_admin"));
    for (const body of [{ role: "viewer" }, { disabled: true }]) {
      const res = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: last.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.error.code).toBe("conflict");
    }
    await createUser(newUser("platform_admin"));
    const demoted = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: last.id }, body: { role: "viewer" } });
    expect(demoted.status).toBe(200);
  });

  it.each([
    ["a duplicate email", async () => (await createUser()).email, 409, "conflict"],
  ])("refuses %s", async (_label, email, status, code) => {
    const res = await callRoute(usersRoute.POST, { method: "POST", body: { ...newUser(), email: (await email()).toUpperCase() } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it.each([
    ["a short password", { ...newUser(), password: "short" }],
    ["an unknown role", { ...newUser(), role: "owner" }],
    ["a bad email", { ...newUser(), email: "not-an-email" }],
    ["no name", { ...newUser(), name: " " }],
  ])("rejects %s with 400 validation_failed", async (_label, body) => {
    const res = await callRoute(usersRoute.POST, { method: "POST", body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it.each([
    ["an empty patch", 400, "existing", {}],
    ["an unknown user", 404, "no-such-user", { name: "x" }],
  ])("PATCH with %s answers %i", async (_label, status, which, body) => {
    const id = which === "existing" ? (await createUser()).id : which;
    const res = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: id }, body });
    expect(res.status).toBe(status);
  });
});
