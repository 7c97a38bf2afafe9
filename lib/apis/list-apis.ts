// The APIs an actor may see, a page at a time, filtered on the server: developers only
// live APIs of published products, without the backend addresses behind the gateway.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { apiResourceInclude, toApiResource, type ListApisQuery } from "./api-schemas";
import { lifecycleFromApi } from "./lifecycle/api-lifecycles";

export function visibleApisWhere(actor: Actor) {
  if (isConsoleRole(actor.role)) return {};
  return {
    lifecycle: { in: ["PUBLISHED" as const, "DEPRECATED" as const] },
    products: { some: { product: { state: "PUBLISHED" as const } } },
  };
}

/** Backends are internal hosts (sometimes with credentials in the URL): console roles only. */
export function forAudience<T extends { backendUrls: string[]; backends: unknown[]; backendSettings: unknown }>(resource: T, actor: Actor): T {
  return isConsoleRole(actor.role) ? resource : { ...resource, backendUrls: [], backends: [], backendSettings: null };
}

function filtersWhere(query: Omit<ListApisQuery, "limit" | "cursor">): Prisma.ApiWhereInput {
  return {
    ...(query.search && {
      OR: [{ name: { contains: query.search, mode: "insensitive" } }, { path: { contains: query.search, mode: "insensitive" } }],
    }),
    ...(query.path && { path: { startsWith: query.path } }),
    ...(query.lifecycle && { lifecycle: lifecycleFromApi(query.lifecycle) }),
    ...(query.tag && { revisions: { some: { isCurrent: true, operations: { some: { tags: { has: query.tag } } } } } }),
  };
}

// GET /api/v1/apis - by name, then id
export async function listApis(actor: Actor, query: ListApisQuery) {
  const page = cursorPage<Prisma.ApiWhereInput, Prisma.ApiOrderByWithRelationInput>(query, [{ field: "name", direction: "asc" }]);
  const rows = await db().api.findMany({
    where: { AND: [visibleApisWhere(actor), filtersWhere(query), page.where] },
    orderBy: page.orderBy,
    take: page.take,
    // A list never carries the (possibly megabytes of) spec; the lint counts come from the report.
    include: apiResourceInclude,
  });
  return page.answer(rows, (api) => forAudience(toApiResource(api), actor));
}
