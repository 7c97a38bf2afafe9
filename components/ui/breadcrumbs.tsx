"use client";
// Where a detail page sits ("APIs › Petstore"), and the browser tab's title naming the thing
// ("Petstore · APIs · Portcullis"): both from one trail, so they never disagree. The server
// renders a generic title (it does not load the thing); this names it once the page has it.
import Link from "next/link";
import { useEffect } from "react";

export type Crumb = { label: string; href: string };

export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current?: string }) {
  const title = [current, ...[...trail].reverse().map((c) => c.label), "Portcullis"].filter(Boolean).join(" · ");
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {trail.map((crumb) => (
          <li key={crumb.href}>
            <Link href={crumb.href}>{crumb.label}</Link>
          </li>
        ))}
        {current && <li aria-current="page">{current}</li>}
      </ol>
    </nav>
  );
}
