// GET /api/v1/apis - developers only see APIs of published products.
import type { Actor } from "@/lib/auth/actor";
import { isConsoleRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { apiResourceInclude, toApiResource } from "./api-schemas";

export function visibleApisWhere(actor: Actor) {
  return isConsoleRole(actor.role) ? {} : { products: { some: { product: { state: "PUBLISHED" as const } } } };
}

export async function listApis(actor: Actor) {
  const apis = await db().api.findMany({
    where: visibleApisWhere(actor),
    orderBy: { name: "asc" },
    include: apiResourceInclude,
  });
  return apis.map((api) => toApiResource(api));
}
