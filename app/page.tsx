// The root only routes people to where they work: console roles to the console,
// developers to the portal, anonymous visitors to the login page.
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { isConsoleRole } from "@/lib/auth/roles";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  redirect(isConsoleRole(user.role) ? "/console" : "/portal");
}
