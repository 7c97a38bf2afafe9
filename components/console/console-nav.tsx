"use client";
// Sidebar links; client-side only to mark the current section with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  { href: "/console", label: "Dashboard", exact: true },
  { href: "/console/apis", label: "APIs" },
  { href: "/console/products", label: "Products" },
  { href: "/console/subscriptions", label: "Subscriptions" },
];

export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="sidebar-nav">
      <ul>
        {sections.map(({ href, label, exact }) => {
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
