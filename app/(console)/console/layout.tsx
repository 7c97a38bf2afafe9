// Console chrome: left sidebar with sections and the signed-in user (a Menu button below 900 px).
import Link from "next/link";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { permissionsOf } from "@/lib/iam/rbac/permissions";
import { isConsoleRole } from "@/lib/iam/roles";
import { getSessionUser } from "@/lib/iam/session";
import { ConsoleNav } from "@/components/console/console-nav";
import { Logo } from "@/components/logo";
import { SignOutButton } from "@/components/sign-out-button";
import { SidebarMenu } from "@/components/console/sidebar-menu";
import { mainContentId, SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { roleLabel } from "@/components/role-label";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // Anonymous: render no chrome and let the page's own requireConsoleUser(path) redirect,
  // because only the page knows its URL for ?callbackUrl= (a layout can't see the path).
  // Every console page calls it; the management API checks the session on its own too.
  const user = await getSessionUser();
  if (!user) return <>{children}</>;
  if (!isConsoleRole(user.role)) redirect("/portal");
  return (
    <div className="console-shell">
      <SkipLink />
      <aside className="sidebar">
        <Link href="/console" className="sidebar-brand">
          <Logo subtitle="Console" />
        </Link>
        <SidebarMenu>
          <ConsoleNav granted={permissionsOf(user.role)} />
          <div className="sidebar-footer">
            <Link href="/portal" className="sidebar-link subtle">
              Developer portal
            </Link>
            <Link href="/console/account" className="sidebar-user" title="My account and second factors">
              <span className="sidebar-user-name">{user.name || user.email}</span>
              <span className="sidebar-user-role">{roleLabel(user.role)}</span>
            </Link>
            <ThemeToggle stored={user.theme} className="theme-toggle-dark" />
            <SignOutButton />
          </div>
        </SidebarMenu>
      </aside>
      <main id={mainContentId} tabIndex={-1} className="console-main">
        {children}
      </main>
    </div>
  );
}
