// Governance is opt-in: with `requireLintCleanToPublish`, an API whose current
// revision has lint errors cannot be published (or keep being served with a
// new, failing revision). Imports themselves are never blocked.
import { ApiError } from "@/lib/http/errors";
import type { WorkspaceSettings } from "@/lib/settings/workspace-settings-schema";
import { readLintReport } from "../specs/lint-report";

export function assertLintCleanToPublish(settings: WorkspaceSettings, lintReport: unknown, revisionNumber: number): void {
  if (!settings.governance.requireLintCleanToPublish) return;
  const errors = readLintReport(lintReport)?.errors ?? 0;
  if (errors === 0) return;
  throw new ApiError(
    "governance_failed",
    `Workspace governance requires no lint errors to publish; revision ${revisionNumber} has ${errors} lint error(s)`,
    { errors, revision: revisionNumber },
  );
}
