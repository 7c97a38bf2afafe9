// An API's revisions, newest first, without their documents (which can be megabytes).
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { revisionSummarySelect, toRevisionSummary } from "./revision-schemas";

export async function listRevisions(apiId: string) {
  const api = await db().api.findUnique({
    where: { id: apiId },
    select: { revisions: { select: revisionSummarySelect, orderBy: { number: "desc" } } },
  });
  if (!api) throw notFound("API", apiId);
  return api.revisions.map(toRevisionSummary);
}
