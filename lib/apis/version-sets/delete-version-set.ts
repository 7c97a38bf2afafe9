// Deletes only an empty version set: deleting one with APIs
// would silently turn its versions into unversioned APIs that may share a path.
// Publishers delete only the sets they created.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { assertCanManageVersionSet } from "./assert-can-manage-version-set";
import { toVersionSetResource } from "./version-set-schemas";

export async function deleteVersionSet(id: string, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const set = await tx.apiVersionSet.findUnique({ where: { id }, include: { apis: { select: { id: true, name: true, versionName: true, lifecycle: true } } } });
    if (!set) throw notFound("Version set", id);
    await assertCanManageVersionSet(tx, actor, id);
    if (set.apis.length > 0) {
      const names = set.apis.map((a) => `'${a.name}'`).join(", ");
      throw new ApiError("conflict", `Version set '${set.name}' still has ${set.apis.length} API(s) (${names}); move them out first`);
    }
    await tx.apiVersionSet.delete({ where: { id } });
    await recordAuditEvent(tx, actor, { action: "version_set.deleted", entityType: "version_set", entityId: id, before: toVersionSetResource(set) });
  });
}
