"use client";
// Top-bar links; client-side only to mark the current section with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  { href: "/portal", label: "Products", current: (p: string) => p === "/portal" },
  { href: "/portal/apis", label: "APIs", current: (p: string) => p.startsWith("/portal/apis") },
  { href: "/portal/subscriptions", label: "My subscriptions", current: (p: string) => p.startsWith("/portal/subscriptions") },
  { href: "/portal/apps", label: "My apps", current: (p: string) => p.startsWith("/portal/apps") },
  { href: "/portal/usage", label: "My usage", current: (p: string) => p.startsWith("/portal/usage") },
  { href: "/portal/management-api", label: "Management API", current: (p: string) => p.startsWith("/portal/management-api") },
];

export function PortalNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Portal" className="topbar-nav">
      {sections.map(({ href, label, current }) => (
        <Link key={href} href={href} className="topbar-link" aria-current={current(pathname) ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
