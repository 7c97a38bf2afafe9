// The root only routes people to where they work: console roles to the console,
// developers to the portal, anonymous visitors to the login page.
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/iam/session";
import { isConsoleRole } from "@/lib/iam/roles";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  redirect(isConsoleRole(user.role) ? "/console" : "/portal");
}
