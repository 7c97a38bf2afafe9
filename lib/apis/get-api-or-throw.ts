// Loads one API the actor may see, with its current revision's operations; 404 otherwise,
// so an API hidden from a developer is not confirmed to exist.
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { visibleApisWhere } from "./list-apis";

export async function getApiOrThrow(id: string, actor: Actor) {
  const api = await db().api.findFirst({
    where: { id, ...visibleApisWhere(actor) },
    include: {
      versionSet: true,
      revisions: {
        where: { isCurrent: true },
        include: { operations: { orderBy: [{ path: "asc" }, { method: "asc" }] } },
      },
    },
  });
  if (!api) throw notFound("API", id);
  return api;
}
