// An API's revisions, newest first, a page at a time, without their documents (which can be megabytes).
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { notFound } from "@/lib/http/errors";
import { revisionSummarySelect, toRevisionSummary, type ListRevisionsQuery } from "./revision-schemas";

export async function listRevisions(apiId: string, query: ListRevisionsQuery) {
  if (!(await db().api.findUnique({ where: { id: apiId }, select: { id: true } }))) throw notFound("API", apiId);
  const page = cursorPage<Prisma.ApiRevisionWhereInput, Prisma.ApiRevisionOrderByWithRelationInput>(query, [
    { field: "number", direction: "desc", type: "number" },
  ]);
  const rows = await db().apiRevision.findMany({
    where: { AND: [{ apiId }, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: revisionSummarySelect,
  });
  return page.answer(rows, toRevisionSummary);
}
