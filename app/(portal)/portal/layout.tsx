// Developer portal chrome: a top bar with the portal's name and logo (workspace settings), the
// catalogue, the user's subscriptions, their account and sign-out; the accent colour is the
// portal's. Any signed-in role may browse the portal; visitors get the bar with sign-in and
// sign-up, and see only what portal.anonymousAccess allows (each page enforces it).
import Link from "next/link";
import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/iam/session";
import { isConsoleRole } from "@/lib/iam/roles";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { PortalBrand, portalAccentStyle } from "@/components/portal/portal-brand";
import { PortalNav } from "@/components/portal/portal-nav";
import { SignOutButton } from "@/components/sign-out-button";
import { mainContentId, SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // A page that needs a session calls requireSignedIn(path) itself, which redirects to /login
  // with the right ?callbackUrl= (a layout can't see the path).
  const [user, { portal }] = await Promise.all([getSessionUser(), getWorkspaceSettings()]);
  return (
    <div className="portal-shell" style={portalAccentStyle(portal)}>
      <SkipLink />
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/portal" className="topbar-brand">
            <PortalBrand portal={portal} />
          </Link>
          {user && <PortalNav />}
          <div className="topbar-user">
            {user ? (
              <>
                {isConsoleRole(user.role) && (
                  <Link href="/console" className="topbar-link">
                    Console
                  </Link>
                )}
                <Link href="/portal/account" className="topbar-link">
                  Account
                </Link>
                <span className="topbar-user-name">{user.name || user.email}</span>
                <ThemeToggle stored={user.theme} />
                <SignOutButton variant="secondary" />
              </>
            ) : (
              <>
                <Link href="/login?callbackUrl=%2Fportal" className="topbar-link">
                  Sign in
                </Link>
                <Link href="/signup" className="btn btn-secondary btn-sm">
                  Sign up
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main id={mainContentId} tabIndex={-1} className="portal-main">
        {children}
      </main>
    </div>
  );
}
