// The products an actor may see, a page at a time: developers see published products only.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { productInclude, toProductResource, type ListProductsQuery } from "./product-schemas";

// GET /api/v1/products - by name (unique), then id
export async function listProducts(actor: Actor, query: ListProductsQuery) {
  const page = cursorPage<Prisma.ProductWhereInput, Prisma.ProductOrderByWithRelationInput>(query, [{ field: "name", direction: "asc" }]);
  const rows = await db().product.findMany({
    where: {
      AND: [
        isConsoleRole(actor.role) ? {} : { state: "PUBLISHED" },
        query.search ? { name: { contains: query.search, mode: "insensitive" } } : {},
        query.state ? { state: query.state === "published" ? "PUBLISHED" : "DRAFT" } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    include: productInclude,
  });
  return page.answer(rows, toProductResource);
}
