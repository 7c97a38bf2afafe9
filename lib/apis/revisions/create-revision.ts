// A re-import: the document becomes revision
// N+1, stored with its operations and lint report but NOT current, so nothing
// changes on the gateway until someone reviews the diff and makes it current.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { findApiToManage, lockApiRow } from "../find-api-to-manage";
import { prepareApiDefinition } from "../specs/prepare-api-definition";
import { toSpecSource } from "../specs/spec-input-schema";
import { diffOperations } from "./diff-operations";
import { SPEC_PENDING, writeRevisionLintReport, writeRevisionSpec } from "./write-revision-json";
import { writeRevisionOperations } from "./write-revision-operations";
import { revisionSummarySelect, toRevisionSummary, type CreatedRevision, type CreateRevisionInput } from "./revision-schemas";
import { lintCounts } from "../specs/lint-report";

export async function createRevision(apiId: string, input: CreateRevisionInput, actor: Actor): Promise<CreatedRevision> {
  await findApiToManage(apiId, actor);
  const prepared = await prepareApiDefinition(toSpecSource(input));
  const { operations, lint } = prepared;

  const revision = await db().$transaction(
    async (tx) => {
      await lockApiRow(tx, apiId); // revision numbers are taken one at a time
      const last = await tx.apiRevision.aggregate({ where: { apiId }, _max: { number: true } });
      const created = await tx.apiRevision.create({
        data: {
          apiId,
          number: (last._max.number ?? 0) + 1,
          isCurrent: false,
          spec: SPEC_PENDING,
          specVersion: prepared.specVersion,
          title: prepared.title,
          version: prepared.version,
          sourceFormat: prepared.sourceFormat,
          notes: input.notes ?? "",
        },
        select: { id: true, number: true },
      });
      await writeRevisionSpec(tx, created.id, prepared.document);
      await writeRevisionLintReport(tx, created.id, lint);
      await writeRevisionOperations(tx, created.id, operations);
      await recordAuditEvent(tx, actor, {
        action: "api.revision_created",
        entityType: "api",
        entityId: apiId,
        after: { revision: created.number, title: prepared.title, version: prepared.version, operations: operations.length, lint: lintCounts(lint) },
      });
      return tx.apiRevision.findUniqueOrThrow({ where: { id: created.id }, select: revisionSummarySelect });
    },
    { timeout: 60_000 },
  );

  // Diffed against the in-memory document: no need to read back what was just stored.
  const current = await db().apiRevision.findFirst({ where: { apiId, isCurrent: true }, select: { number: true, spec: true } });
  const diff = diffOperations(current?.spec ?? {}, prepared.document);
  return { ...toRevisionSummary(revision), diff: { against: current?.number ?? null, ...diff } };
}
