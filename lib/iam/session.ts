// Server-side session helpers for pages and layouts.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { findSessionUser } from "./find-session-user";
import { isConsoleRole, roleToApi, type UserRoleName } from "./roles";
import { themeFromDb } from "./users/set-theme-preference";
import type { ThemePreference } from "./users/theme-preference-schemas";

/** `theme` is the stored colour scheme, so a new browser catches up with it (components/theme-toggle.tsx). */
export type SessionUser = { id: string; email: string; name: string; role: UserRoleName; theme: ThemePreference };

/** The signed-in user as the database has them now (role, disabled, password resets), not as the session remembers. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const { user } = await findSessionUser(session.user.id, session.issuedAt);
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, role: roleToApi(user.role), theme: themeFromDb(user.themePreference) };
}

/** For console pages: admins, publishers and viewers; developers go to the portal. */
export async function requireConsoleUser(callbackUrl = "/console"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!isConsoleRole(user.role)) redirect("/portal");
  return user;
}

/** For portal pages that need a signed-in user of any role. */
export async function requireSignedIn(callbackUrl = "/portal"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}
