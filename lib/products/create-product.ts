// Creates a product: it groups APIs and carries the limits of its subscriptions.
// A publisher owns what they create (and then manages it); admins' products belong to nobody.
import type { Actor } from "@/lib/iam/actor";
import { initialOwnerId } from "@/lib/iam/ownership";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { productChangeRefs } from "@/lib/config-channel/product-change-refs";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { assertCanBundleApis } from "./assert-can-bundle-apis";
import { productColumns } from "./product-columns";
import { productInclude, toProductResource, type CreateProductInput } from "./product-schemas";

export async function createProduct(input: CreateProductInput, actor: Actor) {
  const apiIds = await assertCanBundleApis(input.apiIds, actor);
  if (await db().product.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new ApiError("conflict", `A product named '${input.name}' already exists`, { field: "name" });
  }

  const product = await db().$transaction(async (tx) => {
    const created = await tx.product.create({
      data: {
        ...productColumns(input),
        name: input.name,
        ownerId: initialOwnerId(actor),
        apis: { create: apiIds.map((apiId) => ({ apiId })) },
      },
      include: productInclude,
    });
    const resource = toProductResource(created);
    await recordAuditEvent(tx, actor, { action: "product.created", entityType: "product", entityId: created.id, after: resource });
    return resource;
  });

  await publishGatewayChange(
    `product ${product.id} created`,
    productChangeRefs(product.id, { policy: product.policy, apiIds: product.apis.map((a) => a.id) }),
  );
  return product;
}
