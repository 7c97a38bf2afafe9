// Loads one product with its APIs: console roles see every product, developers published ones.
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { productInclude } from "./product-schemas";

export async function getProductOrThrow(id: string, actor: Actor) {
  const product = await db().product.findUnique({ where: { id }, include: productInclude });
  // A draft is not confirmed to developers: 404, as if it did not exist.
  if (!product || (!isConsoleRole(actor.role) && product.state !== "PUBLISHED")) throw notFound("Product", id);
  return product;
}
