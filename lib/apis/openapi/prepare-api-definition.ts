// The whole import pipeline for one document: load (parse, recognise, bundle),
// read operations, lint. Used by first imports and by re-imports (revisions).
import { extractOperations, type ExtractedOperation } from "./extract-operations";
import { lintOpenApi, type LintReport, type LintRuleset } from "./lint-openapi";
import { loadOpenApiDocument, type LoadedOpenApiDocument } from "./load-openapi-document";

export type PreparedApiDefinition = Omit<LoadedOpenApiDocument, "sourceJson"> & {
  operations: ExtractedOperation[];
  lint: LintReport;
  /** "openapi-3.0", "openapi-3.1", ... or "swagger-2.0" when converted. */
  sourceFormat: string;
};

export async function prepareApiDefinition(text: string, options: { ruleset?: LintRuleset } = {}): Promise<PreparedApiDefinition> {
  const { sourceJson: source, ...loaded } = await loadOpenApiDocument(text);
  const operations = extractOperations(loaded.document);
  const lint = await lintOpenApi(source, options.ruleset);
  return { ...loaded, operations, lint, sourceFormat: `openapi-${loaded.specVersion.split(".").slice(0, 2).join(".")}` };
}
