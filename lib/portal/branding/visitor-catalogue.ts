// What a visitor who is not signed in sees of the catalogue, as portal.anonymousAccess allows:
// nothing, every published product, or only the published ones in publicProductIds. Read on the
// server only; the management API stays closed to anonymous callers.
import "server-only";
import { db } from "@/lib/db";
import type { WorkspaceSettings } from "@/lib/settings/workspace-settings-schema";

export type VisitorProduct = { id: string; name: string; description: string; apis: { id: string; name: string }[] };

/** null: visitors see nothing (they must sign in). */
export async function visitorCatalogue(portal: WorkspaceSettings["portal"], limit = 100): Promise<VisitorProduct[] | null> {
  if (portal.anonymousAccess === "none") return null;
  const rows = await db().product.findMany({
    where: { state: "PUBLISHED", ...(portal.anonymousAccess === "selected" ? { id: { in: portal.publicProductIds } } : {}) },
    orderBy: { name: "asc" },
    take: limit,
    select: { id: true, name: true, description: true, apis: { select: { api: { select: { id: true, name: true, lifecycle: true } } } } },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    apis: p.apis.map((link) => link.api).filter((api) => api.lifecycle !== "DRAFT" && api.lifecycle !== "RETIRED").map(({ id, name }) => ({ id, name })),
  }));
}
