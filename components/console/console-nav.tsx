"use client";
// Sidebar links; client-side only to mark the current section with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";

import type { Permission } from "@/lib/iam/rbac/permissions";
import { can, type GrantedPermissions } from "./can";

type Section = { href: string; label: string; exact?: boolean; permission?: Permission };

// `permission` hides links the server would refuse anyway (the pages and the API check too).
const sections: Section[] = [
  { href: "/console", label: "Dashboard", exact: true },
  { href: "/console/apis", label: "APIs", permission: "apis.read" },
  { href: "/console/version-sets", label: "Version sets", permission: "version-sets.read" },
  { href: "/console/products", label: "Products", permission: "products.read" },
  // exact: the approvals queue below is its own entry, so only one link reads as current.
  { href: "/console/subscriptions", label: "Subscriptions", exact: true, permission: "subscriptions.read" },
  { href: "/console/subscriptions/approvals", label: "Pending approvals", permission: "subscriptions.read" },
  { href: "/console/analytics", label: "Analytics", permission: "analytics.read" },
  { href: "/console/gateways", label: "Gateways", permission: "config.read" },
  { href: "/console/users", label: "Users", permission: "users.read" },
  { href: "/console/realms", label: "Realms", permission: "realms.read" },
  { href: "/console/audit", label: "Audit log", permission: "audit.read" },
  { href: "/console/tokens", label: "API tokens", permission: "tokens.manage" },
  { href: "/console/settings", label: "Settings", permission: "settings.read" },
];

export function ConsoleNav({ granted }: { granted: GrantedPermissions }) {
  const pathname = usePathname();
  const visible = sections.filter((s) => !s.permission || can(granted, s.permission));
  return (
    <nav aria-label="Console" className="sidebar-nav">
      <ul>
        {visible.map(({ href, label, exact }) => {
          const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} className="sidebar-link" aria-current={current ? "page" : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
