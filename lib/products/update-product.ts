// Edits a product's description, terms, state, approval rule,
// limits and APIs. Publishing makes it visible in the portal; every change the gateways can
// see reaches them. A product may bundle a thousand APIs: its API list is read once (for the
// answer), and only read before the change when the change replaces it or validation needs it.
import type { Actor } from "@/lib/iam/actor";
import { assertCanManageProduct } from "@/lib/iam/ownership";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { productChangeRefs } from "@/lib/config-channel/product-change-refs";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { nextScopePolicy, readScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import { policyColumn } from "@/lib/gateway-policy/policy-column";
import { assertCanBundleApis } from "./assert-can-bundle-apis";
import { productColumns } from "./product-columns";
import { productInclude, productLimits, toProductResource, type UpdateProductInput } from "./product-schemas";

export async function updateProduct(id: string, input: UpdateProductInput, actor: Actor) {
  const current = await db().product.findUnique({ where: { id } });
  if (!current) throw notFound("Product", id);
  assertCanManageProduct(actor, current);
  // The bundled APIs only when the change replaces them (the audit shows the old list).
  const linksBefore = input.apiIds ? await db().productApi.findMany({ where: { productId: id }, include: productInclude.apis.include }) : null;
  const bundledBefore = linksBefore?.map((pa) => pa.apiId) ?? null;
  const apiIds = input.apiIds ? await assertCanBundleApis(input.apiIds, actor, bundledBefore ?? []) : undefined;
  if (input.name !== undefined && input.name !== current.name) {
    if (await db().product.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new ApiError("conflict", `A product named '${input.name}' already exists`, { field: "name" });
    }
  }

  const { resource, gatewayChanged } = await db().$transaction(async (tx) => {
    if (apiIds) {
      await tx.productApi.deleteMany({ where: { productId: id, apiId: { notIn: apiIds } } });
      await tx.productApi.createMany({ data: apiIds.map((apiId) => ({ productId: id, apiId })), skipDuplicates: true });
    }
    // Rules merge key by key into the stored policy (null: off for this product's subscribers).
    const policy = input.policy ? { policy: policyColumn(nextScopePolicy(current.policy, input.policy)) } : {};
    const row = await tx.product.update({ where: { id }, data: { ...productColumns(input), ...policy }, include: productInclude });
    const before = toProductResource({ ...current, apis: linksBefore ?? row.apis });
    const after = toProductResource(row);
    // Only what changed, as API updates do: a product's API list is long and rarely edited.
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => k !== "updatedAt" && (k !== "apis" || apiIds !== undefined) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    await recordAuditEvent(tx, actor, {
      action: auditAction(before.state, after.state),
      entityType: "product",
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    const bundledAfter = apiIds ? row.apis.map((a) => a.apiId) : null;
    return { resource: after, gatewayChanged: JSON.stringify(gatewayView(current, bundledBefore)) !== JSON.stringify(gatewayView(row, bundledAfter)) };
  });

  // What the gateways hold of a product is its name, limits, policy and APIs: a description,
  // terms, state or approval change has nothing to tell them.
  if (gatewayChanged) {
    const validating = [current.policy, resource.policy].some((p) => readScopePolicy(p).requestValidation === true);
    const before = bundledBefore ?? (validating ? resource.apis.map((a) => a.id) : []);
    await publishGatewayChange(
      `product ${id} updated`,
      productChangeRefs(id, { policy: current.policy, apiIds: before }, { policy: resource.policy, apiIds: resource.apis.map((a) => a.id) }),
    );
  }
  return resource;
}

type ProductColumnsOnGateway = Parameters<typeof productLimits>[0] & { name: string; policy: unknown };

/** The product's fields in the gateway snapshot (entities/gateway-products.ts); `apiIds` null: not changed here. */
function gatewayView(product: ProductColumnsOnGateway, apiIds: readonly string[] | null) {
  return { name: product.name, ...productLimits(product), policy: product.policy ?? null, apiIds: apiIds ? [...apiIds].sort() : null };
}

/** Publishing and unpublishing get their own audit action, so the audit log can filter them. */
function auditAction(before: string, after: string): string {
  if (before !== after) return after === "published" ? "product.published" : "product.unpublished";
  return "product.updated";
}
