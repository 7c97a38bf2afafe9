// Imports an OpenAPI document (text or URL) as a new API (revision 1, current).
// Lint findings never refuse an import; they are stored with the revision.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { toApiResource, type CreateApiInput, type ImportedApi } from "./api-schemas";
import { timePhase, type PhaseListener } from "./specs/import-phases";
import { lintCounts } from "./specs/lint-report";
import { startApiDefinition } from "./specs/prepare-api-definition";
import { toSpecSource } from "./specs/spec-input-schema";
import { SPEC_PENDING, writeRevisionLintReport, writeRevisionSpec } from "./revisions/write-revision-json";
import { writeRevisionOperations } from "./revisions/write-revision-operations";
import { assertRealmBindingExists } from "@/lib/iam/realms/assert-realm-binding";
import { assertMayClaimGatewayPath } from "./version-sets/assert-may-claim-gateway-path";

export async function importApi(input: CreateApiInput, actor: Actor, options: { onPhase?: PhaseListener } = {}): Promise<ImportedApi> {
  const pathClaim = { path: input.path, versionSetId: input.versionSetId ?? null, versionName: input.versionName ?? null };
  // Checked before the (possibly long) parse to fail fast, and again under the lock where the row is written.
  await db().$transaction((tx) => assertMayClaimGatewayPath(tx, actor, pathClaim, { joinsSet: true }));

  const settings = await getWorkspaceSettings();
  const started = await startApiDefinition(toSpecSource(input), {
    lint: settings.lint,
    importPolicy: settings.import,
    onPhase: options.onPhase,
  });
  const { operations } = started;
  const backendUrls = input.backendUrls ?? [input.backendUrl as string];
  const phase = timePhase(options.onPhase);

  const { api, lint } = await phase("store", () =>
    db().$transaction(
      async (tx) => {
        await assertMayClaimGatewayPath(tx, actor, pathClaim, { joinsSet: true });
        await assertRealmBindingExists(tx, input.jwtRequirements);
        const created = await tx.api.create({
          data: {
            versionSetId: pathClaim.versionSetId,
            versionName: pathClaim.versionName,
            name: input.name,
            description: input.description ?? String((started.document.info as { description?: unknown })?.description ?? ""),
            path: input.path,
            backendUrls,
            lifecycle: "DRAFT", // set below, once lint (and governance) has had its say
            subscriptionRequired: input.subscriptionRequired ?? true,
            allowEncodedSlashes: input.allowEncodedSlashes ?? false,
            allowWebSockets: input.allowWebSockets ?? false,
            jwtRequirements: input.jwtRequirements ?? undefined, // null or absent: no JWT (column default)
            ownerId: actor.role === "api_publisher" ? actor.userId : null,
          },
        });
        // Big documents are still being linted on the other core while these rows are written.
        const revision = await tx.apiRevision.create({
          data: {
            apiId: created.id,
            number: 1,
            isCurrent: true,
            spec: SPEC_PENDING,
            specVersion: started.specVersion,
            title: started.title,
            version: started.version,
            sourceFormat: started.sourceFormat,
          },
          select: { id: true },
        });
        await writeRevisionSpec(tx, revision.id, started.document);
        await writeRevisionOperations(tx, revision.id, operations);
        const report = await started.lint;
        await writeRevisionLintReport(tx, revision.id, report);
        const lifecycle = initialLifecycle(input.lifecycle, report.errors, settings.governance.requireLintCleanToPublish);
        await tx.api.update({ where: { id: created.id }, data: { lifecycle } });
        await recordAuditEvent(tx, actor, {
          action: "api.created",
          entityType: "api",
          entityId: created.id,
          after: {
            name: created.name,
            path: created.path,
            backendUrls,
            lifecycle: lifecycle.toLowerCase(),
            operations: operations.length,
            sourceFormat: started.sourceFormat,
            lint: lintCounts(report),
          },
        });
        return { api: created, lint: report };
      },
      { timeout: 120_000 },
    ),
  );

  await phase("publish", () => publishGatewayChange(`api ${api.id} created`, [{ kind: "api", id: api.id }]));
  const full = await db().api.findUniqueOrThrow({
    where: { id: api.id },
    // Not the big JSON columns: the caller has the document, and the lint counts are below.
    include: { versionSet: true, revisions: { where: { isCurrent: true }, omit: { spec: true, lintReport: true }, include: { operations: { orderBy: [{ path: "asc" }, { method: "asc" }] } } } },
  });
  return { ...toApiResource(full, { withOperations: true }), lint: lintCounts(lint) };
}

type Lifecycle = NonNullable<CreateApiInput["lifecycle"]>;

/**
 * Lint never blocks an import, but opt-in governance blocks *publishing* with lint errors:
 * an explicit request to publish is refused, the default (published) falls back to draft.
 */
function initialLifecycle(requested: Lifecycle | undefined, lintErrors: number, requireLintClean: boolean) {
  const wanted = requested ?? "published";
  if (wanted === "published" && requireLintClean && lintErrors > 0) {
    if (requested) {
      throw new ApiError(
        "unprocessable",
        `Governance requires a lint-clean document to publish, and this one has ${lintErrors} lint error(s); import it as a draft instead`,
      );
    }
    return "DRAFT" as const;
  }
  return wanted.toUpperCase() as Uppercase<Lifecycle>;
}
