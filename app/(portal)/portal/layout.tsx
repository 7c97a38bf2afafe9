// Developer portal chrome: a top bar with the catalogue, the user's subscriptions
// and sign-out. Any signed-in role may browse the portal.
import Link from "next/link";
import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/iam/session";
import { isConsoleRole } from "@/lib/iam/roles";
import { Logo } from "@/components/logo";
import { PortalNav } from "@/components/portal/portal-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { mainContentId, SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // Anonymous: no chrome; the page's own requireSignedIn(path) redirects to /login with
  // the right ?callbackUrl= (a layout can't see the path). Every portal page calls it.
  const user = await getSessionUser();
  if (!user) return <>{children}</>;
  return (
    <div className="portal-shell">
      <SkipLink />
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/portal" className="topbar-brand">
            <Logo subtitle="Developer portal" />
          </Link>
          <PortalNav />
          <div className="topbar-user">
            {isConsoleRole(user.role) && (
              <Link href="/console" className="topbar-link">
                Console
              </Link>
            )}
            <span className="topbar-user-name">{user.name || user.email}</span>
            <ThemeToggle stored={user.theme} />
            <SignOutButton variant="secondary" />
          </div>
        </div>
      </header>
      <main id={mainContentId} tabIndex={-1} className="portal-main">
        {children}
      </main>
    </div>
  );
}
