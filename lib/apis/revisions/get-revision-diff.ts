// The operation diff between two revisions of an API: what changes for clients if one
// revision replaces the other (the current one unless another is named).
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { diffOperations } from "./diff-operations";
import type { RevisionDiff } from "./revision-schemas";

export async function getRevisionDiff(apiId: string, number: number, against: "current" | number): Promise<RevisionDiff> {
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
