// A dry run of the import: what would be imported and its
// lint report, with nothing stored. Refuses exactly what an import refuses.
import type { PhaseListener } from "./import-phases";
import type { SpecValidation } from "./lint-report-schemas";
import { prepareApiDefinition } from "./prepare-api-definition";
import { firstServerUrl } from "./propose-api-fields";
import type { SpecSource } from "./spec-source";

export async function validateApiDefinition(source: SpecSource, options: { onPhase?: PhaseListener } = {}): Promise<SpecValidation> {
  const prepared = await prepareApiDefinition(source, { onPhase: options.onPhase });
  return {
    specVersion: prepared.specVersion,
    sourceFormat: prepared.sourceFormat,
    title: prepared.title,
    version: prepared.version,
    operationCount: prepared.operations.length,
    serverUrl: firstServerUrl(prepared.document),
    lint: prepared.lint,
  };
}
