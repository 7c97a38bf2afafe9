"use client";
// Sidebar links; client-side only to mark the current section with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";

import type { UserRole } from "@/components/api-types";
import { AUDITORS } from "@/lib/auth/roles";

type Section = { href: string; label: string; exact?: boolean; roles?: readonly UserRole[] };

// `roles` hides links the server would refuse anyway (the pages and the API check too).
const sections: Section[] = [
  { href: "/console", label: "Dashboard", exact: true },
  { href: "/console/apis", label: "APIs" },
  { href: "/console/version-sets", label: "Version sets" },
  { href: "/console/products", label: "Products" },
  // exact: the approvals queue below is its own entry, so only one link reads as current.
  { href: "/console/subscriptions", label: "Subscriptions", exact: true },
  { href: "/console/subscriptions/approvals", label: "Pending approvals" },
  { href: "/console/gateways", label: "Gateways" },
  { href: "/console/users", label: "Users", roles: AUDITORS },
  { href: "/console/audit", label: "Audit log", roles: AUDITORS },
  { href: "/console/tokens", label: "API tokens", roles: ["platform_admin"] },
  { href: "/console/settings", label: "Settings" },
];

export function ConsoleNav({ role }: { role?: UserRole }) {
  const pathname = usePathname();
  const visible = sections.filter((s) => !s.roles || !role || s.roles.includes(role));
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
