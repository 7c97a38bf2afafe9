// Creates an empty version set; APIs join it with a versionName (on import or update).
// Nothing changes on the gateway until an API joins, so no config is published here.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { initialOwnerId } from "@/lib/iam/ownership";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { defaultParameterName, toVersionSetResource, type CreateVersionSetInput } from "./version-set-schemas";

export async function createVersionSet(input: CreateVersionSetInput, actor: Actor) {
  const taken = await db().apiVersionSet.findUnique({ where: { name: input.name }, select: { id: true } });
  if (taken) throw new ApiError("conflict", `A version set named '${input.name}' already exists`, { field: "name" });

  const set = await db().$transaction(async (tx) => {
    const created = await tx.apiVersionSet.create({
      data: {
        name: input.name,
        description: input.description ?? "",
        scheme: input.scheme.toUpperCase() as "PATH" | "HEADER" | "QUERY",
        // The path scheme has no parameter; the column still needs a value.
        parameterName: input.parameterName ?? (defaultParameterName[input.scheme] || "api-version"),
        ownerId: initialOwnerId(actor),
      },
    });
    const resource = toVersionSetResource(created);
    await recordAuditEvent(tx, actor, { action: "version_set.created", entityType: "version_set", entityId: created.id, after: resource });
    return resource;
  });
  return set;
}
