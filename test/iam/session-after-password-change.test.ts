// Console sessions are stateless JWTs; a password reset must still end the ones issued before it.
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { disconnectRedis } from "@/lib/redis";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";

afterAll(async () => {
  await disconnectDb();
  await disconnectRedis();
});

async function callMeWithSession(sessionToken: string) {
  return (await callRoute(meRoute.GET, { path: "/me", token: null, cookie: `next-auth.session-token=${sessionToken}` })).status;
}

describe("a session after a password change", () => {
  it("works until the password changes, then answers 401", async () => {
    const user = await db().user.create({
      data: { email: `${uniquePath("pw")}@test.local`, name: "Pat", role: "DEVELOPER", passwordHash: "scrypt$unusable" },
    });
    const sessionToken = await encode({ token: { sub: user.id, role: "developer" }, secret: env().NEXTAUTH_SECRET });
    expect(await callMeWithSession(sessionToken)).toBe(200);

    const reset = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId: user.id }, body: { password: "a-brand-new-password" } });
    expect(reset.status).toBe(200);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordChangedAt).not.toBeNull();

    // The reset happened within the same second as the sign-in; move it later, as a real reset would be.
    await db().user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() + 5000) } });
    expect(await callMeWithSession(sessionToken)).toBe(401);
  });
});
