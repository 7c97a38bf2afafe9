// Where each catalogue thing lives in the console, and the link every table uses for its
// name: one place for the paths, so a name in any table (subscriptions, audit, a product's
// subscribers, a user's subscriptions) leads to the same page.
import Link from "next/link";
import type { ReactNode } from "react";

export type EntityKind = "api" | "product" | "subscription" | "user";

const sections: Record<EntityKind, string> = { api: "apis", product: "products", subscription: "subscriptions", user: "users" };

export const consolePath = (kind: EntityKind, id: string) => `/console/${sections[kind]}/${encodeURIComponent(id)}`;

/** The audit log's entity types that have a page of their own. */
export function entityKindOf(entityType: string): EntityKind | undefined {
  return entityType in sections ? (entityType as EntityKind) : undefined;
}

export function EntityLink({ kind, id, children, className }: { kind: EntityKind; id: string; children: ReactNode; className?: string }) {
  return (
    <Link href={consolePath(kind, id)} className={className}>
      {children}
    </Link>
  );
}
