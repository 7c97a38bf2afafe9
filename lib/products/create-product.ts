// POST /api/v1/products - a product groups APIs and carries the limits of its subscriptions.
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { productInclude, toProductResource, type CreateProductInput } from "./product-schemas";

export async function createProduct(input: CreateProductInput, actor: Actor) {
  const apiIds = [...new Set(input.apiIds)];
  const found = await db().api.findMany({ where: { id: { in: apiIds } }, select: { id: true } });
  const missing = apiIds.filter((id) => !found.some((a) => a.id === id));
  if (missing.length > 0) throw new ApiError("unprocessable", `Unknown API ids: ${missing.join(", ")}`);
  if (await db().product.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new ApiError("conflict", `A product named '${input.name}' already exists`);
  }

  const product = await db().$transaction(async (tx) => {
    const created = await tx.product.create({
      data: {
        name: input.name,
        description: input.description,
        terms: input.terms,
        state: input.state === "published" ? "PUBLISHED" : "DRAFT",
        approvalRequired: input.approvalRequired,
        subscriptionsLimit: input.subscriptionsLimit,
        rateLimitCalls: input.rateLimit?.calls ?? null,
        rateLimitPeriodSeconds: input.rateLimit?.periodSeconds ?? null,
        quotaCalls: input.quota?.calls ?? null,
        quotaBandwidthBytes: input.quota?.bandwidthBytes ?? null,
        quotaPeriod: input.quota ? (input.quota.period.toUpperCase() as "HOUR") : null,
        apis: { create: apiIds.map((apiId) => ({ apiId })) },
      },
      include: productInclude,
    });
    const resource = toProductResource(created);
    await recordAuditEvent(tx, actor, { action: "product.created", entityType: "product", entityId: created.id, after: resource });
    return resource;
  });

  await publishGatewayConfig(`product ${product.id} created`);
  return product;
}
