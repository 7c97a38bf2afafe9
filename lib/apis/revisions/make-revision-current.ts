// Makes a revision current: the gateway serves
// this revision's operations from the next published config. The switch is one
// transaction (old current off, new current on) under the API's row lock.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { findApiToManage, lockApiRow } from "../find-api-to-manage";
import { assertLintCleanToPublish } from "../lifecycle/assert-lint-clean-to-publish";
import { revisionSummarySelect, toRevisionSummary } from "./revision-schemas";

export async function makeRevisionCurrent(apiId: string, number: number, actor: Actor) {
  const result = await db().$transaction(async (tx) => {
    await lockApiRow(tx, apiId);
    const api = await findApiToManage(apiId, actor, tx);
    const target = await tx.apiRevision.findUnique({ where: { apiId_number: { apiId, number } }, select: revisionSummarySelect });
    if (!target) throw notFound("Revision", String(number));
    if (target.isCurrent) return { summary: toRevisionSummary(target), changed: false };
    // A live API must not start serving a revision that could not have been published.
    if (api.lifecycle === "PUBLISHED" || api.lifecycle === "DEPRECATED") {
      assertLintCleanToPublish(await getWorkspaceSettings(tx), target.lintReport, number);
    }

    const previous = await tx.apiRevision.findFirst({ where: { apiId, isCurrent: true }, select: { number: true } });
    await tx.apiRevision.updateMany({ where: { apiId, isCurrent: true }, data: { isCurrent: false } });
    await tx.apiRevision.update({ where: { id: target.id }, data: { isCurrent: true } });
    await tx.api.update({ where: { id: apiId }, data: { updatedAt: new Date() } });
    await recordAuditEvent(tx, actor, {
      action: "api.revision_made_current",
      entityType: "api",
      entityId: apiId,
      before: { currentRevision: previous?.number ?? null },
      after: { currentRevision: number },
    });
    return { summary: { ...toRevisionSummary(target), isCurrent: true }, changed: true };
  });

  if (result.changed) await publishGatewayChange(`api ${apiId} revision ${number} made current`, [{ kind: "api", id: apiId }]);
  return result.summary;
}
