// POST /api/v1/apis - import an OpenAPI document as a new API (revision 1, current).
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { Prisma } from "@/generated/prisma/client";
import { toApiResource, type CreateApiInput } from "./api-schemas";
import { prepareApiDefinition } from "./openapi/prepare-api-definition";

export async function importApi(input: CreateApiInput, actor: Actor) {
  const loaded = await prepareApiDefinition(input.spec);
  const { operations, lint } = loaded;
  const backendUrls = input.backendUrls ?? [input.backendUrl as string];

  const existing = await db().api.findFirst({ where: { path: input.path }, select: { id: true } });
  if (existing) throw new ApiError("conflict", `An API already uses the path '/${input.path}'`);

  const api = await db().$transaction(
    async (tx) => {
      const created = await tx.api.create({
        data: {
          name: input.name,
          description: input.description ?? String((loaded.document.info as { description?: unknown })?.description ?? ""),
          path: input.path,
          backendUrls,
          lifecycle: input.lifecycle ? (input.lifecycle.toUpperCase() as "PUBLISHED") : "PUBLISHED",
          subscriptionRequired: input.subscriptionRequired ?? true,
        },
      });
      const revision = await tx.apiRevision.create({
        data: {
          apiId: created.id,
          number: 1,
          isCurrent: true,
          spec: loaded.document as Prisma.InputJsonValue,
          specVersion: loaded.specVersion,
          title: loaded.title,
          version: loaded.version,
          sourceFormat: loaded.sourceFormat,
          lintReport: lint as unknown as Prisma.InputJsonValue,
        },
      });
      await tx.operation.createMany({ data: operations.map((o) => ({ ...o, revisionId: revision.id })) });
      await recordAuditEvent(tx, actor, {
        action: "api.created",
        entityType: "api",
        entityId: created.id,
        after: { name: created.name, path: created.path, backendUrls, operations: operations.length },
      });
      return created;
    },
    { timeout: 60_000 },
  );

  await publishGatewayConfig(`api ${api.id} created`);
  const full = await db().api.findUniqueOrThrow({
    where: { id: api.id },
    include: { revisions: { where: { isCurrent: true }, include: { operations: true } } },
  });
  return { ...toApiResource(full, { withOperations: true }), lint: { ruleset: lint.ruleset, errors: lint.errors, warnings: lint.warnings } };
}
