// Whether a (stateless JWT) session still stands for an active user: the account
// exists and is enabled, and no password reset came after the sign-in. Pages and the
// management API both ask here, so the console never shows what the API would refuse.
import { db, type UserRow } from "@/lib/db";

export type SessionUserLookup = { user: UserRow; refusal?: undefined } | { user?: undefined; refusal: string };

/** `issuedAtSeconds` is the JWT's iat. */
export async function findSessionUser(userId: string, issuedAtSeconds: number | undefined): Promise<SessionUserLookup> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabled) return { refusal: "This account no longer exists or is disabled" };
  if (user.passwordChangedAt && typeof issuedAtSeconds === "number" && issuedAtSeconds * 1000 < user.passwordChangedAt.getTime() - 1000) {
    return { refusal: "This session ended when the password was changed; sign in again" };
  }
  return { user };
}
