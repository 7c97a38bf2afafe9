// Lints an OpenAPI document with the workspace's Redocly ruleset; the report is stored,
// never blocking. Works on the Document we already parsed (no second parse).
import { lintDocument, type Document } from "@redocly/openapi-core";
import { asInvalidSpec } from "./invalid-spec";
import { resolveLintConfig, type LintSettings } from "./lint-config";
import { toLintProblems, toLintReport, type LintReport } from "./lint-report";
import { LocalOnlyResolver } from "./local-only-resolver";

export type { LintProblem, LintReport } from "./lint-report";

export async function lintOpenApiDocument(document: Document, settings: LintSettings): Promise<LintReport> {
  const config = await resolveLintConfig(settings);
  const found = await lintDocument({ document, config, externalRefResolver: new LocalOnlyResolver() }).catch((err: unknown) => {
    throw asInvalidSpec(err);
  });
  return toLintReport(settings.ruleset, toLintProblems(found));
}
