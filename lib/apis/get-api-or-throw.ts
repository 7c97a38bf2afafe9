// GET /api/v1/apis/{id} - one API with the operations of its current revision.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { toApiResource } from "./api-schemas";
import { forAudience, visibleApisWhere } from "./list-apis";

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
  return forAudience(toApiResource(api, { withOperations: true }), actor);
}
