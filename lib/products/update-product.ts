// Edits a product's description, terms, state, approval rule,
// limits and APIs. Publishing makes it visible in the portal; every change reaches the gateways.
import type { Actor } from "@/lib/iam/actor";
import { assertCanManageProduct } from "@/lib/iam/ownership";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { productChangeRefs } from "@/lib/config-channel/product-change-refs";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { nextScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import { policyColumn } from "@/lib/gateway-policy/policy-column";
import { assertCanBundleApis } from "./assert-can-bundle-apis";
import { productColumns } from "./product-columns";
import { productInclude, toProductResource, type UpdateProductInput } from "./product-schemas";

export async function updateProduct(id: string, input: UpdateProductInput, actor: Actor) {
  const current = await db().product.findUnique({ where: { id }, include: productInclude });
  if (!current) throw notFound("Product", id);
  assertCanManageProduct(actor, current);

  const bundled = current.apis.map((pa) => pa.apiId);
  const apiIds = input.apiIds ? await assertCanBundleApis(input.apiIds, actor, bundled) : undefined;
  if (input.name !== undefined && input.name !== current.name) {
    if (await db().product.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new ApiError("conflict", `A product named '${input.name}' already exists`, { field: "name" });
    }
  }

  const updated = await db().$transaction(async (tx) => {
    if (apiIds) {
      await tx.productApi.deleteMany({ where: { productId: id, apiId: { notIn: apiIds } } });
      await tx.productApi.createMany({ data: apiIds.map((apiId) => ({ productId: id, apiId })), skipDuplicates: true });
    }
    // Rules merge key by key into the stored policy (null: off for this product's subscribers).
    const policy = input.policy ? { policy: policyColumn(nextScopePolicy(current.policy, input.policy)) } : {};
    const row = await tx.product.update({ where: { id }, data: { ...productColumns(input), ...policy }, include: productInclude });
    const before = toProductResource(current);
    const after = toProductResource(row);
    await recordAuditEvent(tx, actor, { action: auditAction(before.state, after.state), entityType: "product", entityId: id, before, after });
    return after;
  });

  await publishGatewayChange(
    `product ${id} updated`,
    productChangeRefs(id, { policy: current.policy, apiIds: bundled }, { policy: updated.policy, apiIds: updated.apis.map((a) => a.id) }),
  );
  return updated;
}

/** Publishing and unpublishing get their own audit action, so the audit log can filter them. */
function auditAction(before: string, after: string): string {
  if (before !== after) return after === "published" ? "product.published" : "product.unpublished";
  return "product.updated";
}
