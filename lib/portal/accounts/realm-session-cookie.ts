// After a realm sign-in, the same next-auth session a password sign-in gets: next-auth's own
// encrypted JWT in next-auth's own cookie, with what auth-options' jwt callback puts there.
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import type { UserRow } from "@/lib/db";
import { roleToApi } from "@/lib/iam/roles";

/** auth-options' session.maxAge (not imported: that module reads the environment as it loads). */
const maxAge = 8 * 60 * 60;

export async function realmSessionCookie(user: UserRow): Promise<{ name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number } }> {
  const secure = env().NEXTAUTH_URL.startsWith("https://");
  const value = await encode({ token: { sub: user.id, email: user.email, name: user.name, role: roleToApi(user.role) }, secret: env().NEXTAUTH_SECRET, maxAge });
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, value, options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge } };
}
