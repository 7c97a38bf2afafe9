// The APIs an actor may see: developers only live APIs of published products, without
// the backend addresses behind the gateway.
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import { db } from "@/lib/db";
import { apiResourceInclude, toApiResource } from "./api-schemas";

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

export async function listApis(actor: Actor) {
  const apis = await db().api.findMany({
    where: visibleApisWhere(actor),
    orderBy: { name: "asc" },
    include: apiResourceInclude,
  });
  return apis.map((api) => forAudience(toApiResource(api), actor));
}
