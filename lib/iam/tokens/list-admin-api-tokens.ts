// Management API tokens, newest first, a page at a time: what each may do and whether it
// still works, never its secret.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { tokenInclude, toAdminApiTokenResource, type ListAdminApiTokensQuery } from "./token-schemas";

// GET /api/v1/tokens
export async function listAdminApiTokens(query: ListAdminApiTokensQuery) {
  const page = cursorPage<Prisma.AdminApiTokenWhereInput, Prisma.AdminApiTokenOrderByWithRelationInput>(query, [
    { field: "createdAt", direction: "desc", type: "date" },
  ]);
  const rows = await db().adminApiToken.findMany({
    where: { AND: [query.search ? { name: { contains: query.search, mode: "insensitive" } } : {}, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    include: tokenInclude,
  });
  return page.answer(rows, toAdminApiTokenResource);
}
