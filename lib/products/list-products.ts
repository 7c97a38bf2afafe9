// GET /api/v1/products - developers see published products only.
import type { Actor } from "@/lib/auth/actor";
import { isConsoleRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { productInclude, toProductResource } from "./product-schemas";

export async function listProducts(actor: Actor) {
  const products = await db().product.findMany({
    where: isConsoleRole(actor.role) ? {} : { state: "PUBLISHED" },
    orderBy: { name: "asc" },
    include: productInclude,
  });
  return products.map(toProductResource);
}
