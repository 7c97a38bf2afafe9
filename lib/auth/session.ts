// Server-side session helpers for pages and layouts.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { isConsoleRole, type UserRoleName } from "./roles";

export type SessionUser = { id: string; email: string; name: string; role: UserRoleName };

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return {
    id: session.user.id,
    email: session.user.email ?? "",
    name: session.user.name ?? "",
    role: session.user.role,
  };
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
