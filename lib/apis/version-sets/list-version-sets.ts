// Version sets with the APIs (versions) in each, by name, a page at a time.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { toVersionSetResource, versionSetApisInclude, type ListVersionSetsQuery } from "./version-set-schemas";

export async function listVersionSets(query: ListVersionSetsQuery) {
  const page = cursorPage<Prisma.ApiVersionSetWhereInput, Prisma.ApiVersionSetOrderByWithRelationInput>(query, [
    { field: "name", direction: "asc" },
  ]);
  const rows = await db().apiVersionSet.findMany({
    where: { AND: [query.search ? { name: { contains: query.search, mode: "insensitive" } } : {}, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    include: versionSetApisInclude,
  });
  return page.answer(rows, toVersionSetResource);
}
