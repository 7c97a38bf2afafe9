// GET /api/v1/apis/{id}/revisions/{number}/diff?against=current|<n> - what
// changes for clients if revision {number} replaces revision `against`.
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { diffOperations } from "./diff-operations";

export async function getRevisionDiff(apiId: string, number: number, against: "current" | number) {
  const api = await db().api.findUnique({ where: { id: apiId }, select: { id: true } });
  if (!api) throw notFound("API", apiId);
  const [target, base] = await Promise.all([
    db().apiRevision.findUnique({ where: { apiId_number: { apiId, number } }, select: { number: true, spec: true } }),
    db().apiRevision.findFirst({
      where: against === "current" ? { apiId, isCurrent: true } : { apiId, number: against },
      select: { number: true, spec: true },
    }),
  ]);
  if (!target) throw notFound("Revision", String(number));
  if (!base) {
    if (against === "current") throw new ApiError("not_found", `API '${apiId}' has no current revision`);
    throw notFound("Revision", String(against));
  }
  return { revision: target.number, against: base.number, ...diffOperations(base.spec, target.spec) };
}
