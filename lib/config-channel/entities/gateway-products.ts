// Products as the gateways get them (every product: its limits apply to its subscriptions).
import type { Prisma } from "@/generated/prisma/client";
import type { DbTransaction } from "@/lib/db";
import { productLimits } from "@/lib/products/product-schemas";

/** The rows too, so a snapshot hands them to buildGatewayApis for request validation. */
export async function buildGatewayProducts(tx: DbTransaction, where: Prisma.ProductWhereInput) {
  const rows = await tx.product.findMany({ where, include: { apis: { select: { apiId: true } } }, orderBy: { name: "asc" } });
  const products = rows.map((p) => ({
    id: p.id,
    name: p.name,
    apiIds: p.apis.map((a) => a.apiId),
    ...productLimits(p),
    policy: p.policy ?? undefined,
  }));
  return { rows, products };
}
