// The stored lint report of an API's current revision, or of the revision asked for.
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { visibleApisWhere } from "../list-apis";
import { readLintReport } from "./lint-report";
import type { ApiLintReport } from "./lint-report-schemas";

export async function getApiLintReport(apiId: string, actor: Actor, revisionNumber?: number): Promise<ApiLintReport> {
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
