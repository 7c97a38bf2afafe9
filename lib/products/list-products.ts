// The products an actor may see: developers see published products only.
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
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
