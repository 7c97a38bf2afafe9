// GET /api/v1/apis/{id}/lint - the stored lint report of the current revision (or ?revision=N).
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { visibleApisWhere } from "../list-apis";
import { readLintReport } from "./lint-report";

export async function getApiLintReport(apiId: string, actor: Actor, revisionNumber?: number) {
  const api = await db().api.findFirst({ where: { id: apiId, ...visibleApisWhere(actor) }, select: { id: true } });
  if (!api) throw notFound("API", apiId);
  const revision = await db().apiRevision.findFirst({
    where: { apiId, ...(revisionNumber === undefined ? { isCurrent: true } : { number: revisionNumber }) },
    select: { number: true, lintReport: true },
  });
  if (!revision) throw notFound("Revision", revisionNumber === undefined ? "current" : String(revisionNumber));
  const report = readLintReport(revision.lintReport);
  if (!report) throw new ApiError("not_found", `Revision ${revision.number} has no lint report`);
  return { revision: revision.number, ...report };
}
