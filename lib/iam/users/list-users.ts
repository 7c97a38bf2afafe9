// Console and portal users, a page at a time, by email, filtered on the server.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { roleFromApi } from "@/lib/iam/roles";
import { toUserResource, type ListUsersQuery } from "./user-schemas";

const containing = (text: string) => ({ contains: text, mode: "insensitive" as const });

// GET /api/v1/users - by email (unique), then id
export async function listUsers(query: ListUsersQuery) {
  const page = cursorPage<Prisma.UserWhereInput, Prisma.UserOrderByWithRelationInput>(query, [{ field: "email", direction: "asc" }]);
  const rows = await db().user.findMany({
    where: {
      AND: [
        query.search ? { OR: [{ email: containing(query.search) }, { name: containing(query.search) }] } : {},
        query.email ? { email: containing(query.email) } : {},
        query.name ? { name: containing(query.name) } : {},
        query.role ? { role: roleFromApi(query.role) } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  return page.answer(rows, toUserResource);
}
