// Console sessions are stateless JWTs; a password reset must still end the ones issued before it.
import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity, type Identity } from "../support/identities";

const callMeAs = async (as: Identity) => (await callRoute(meRoute.GET, { path: "/me", as })).status;

describe("a session after a password change", () => {
  it("works until the password changes, then answers 401", async () => {
    const session = await createIdentity("developer", { via: "session", tag: "pw" });
    const userId = session.userId;
    expect(await callMeAs(session)).toBe(200);

    const reset = await callRoute(userRoute.PATCH, { method: "PATCH", params: { userId }, body: { password: "a-brand-new-password" } });
    expect(reset.status).toBe(200);
    const stored = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(stored.passwordChangedAt).not.toBeNull();

    // The reset happened within the same second as the sign-in; move it later, as a real reset would be.
    await db().user.update({ where: { id: userId }, data: { passwordChangedAt: new Date(Date.now() + 5000) } });
    expect(await callMeAs(session)).toBe(401);
  });
});
