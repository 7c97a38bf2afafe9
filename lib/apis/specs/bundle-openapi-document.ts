// Resolves local $refs with Redocly's bundler, on the Document we already parsed.
// Unresolvable $refs make the document unusable: refused with their pointers.
import { bundle, type Document } from "@redocly/openapi-core";
import { asInvalidSpec, invalidSpec } from "./invalid-spec";
import { resolveLintConfig } from "./lint-config";
import { LocalOnlyResolver } from "./local-only-resolver";

/** Note: Redocly bundles in place, so lint must have read the document first (or work on its own copy). */
export async function bundleOpenApiDocument(document: Document<Record<string, unknown>>): Promise<Record<string, unknown>> {
  // "minimal" only matters for its decorators (none), so bundling never depends on the lint setting.
  const config = await resolveLintConfig({ ruleset: "minimal", customConfig: null });
  const result = await bundle({ doc: document, config, externalRefResolver: new LocalOnlyResolver(), dereference: false }).catch((err: unknown) => {
    throw asInvalidSpec(err);
  });
  const unresolved = result.problems.filter((p) => p.severity === "error");
  if (unresolved.length > 0) {
    throw invalidSpec(
      "The document has $refs that cannot be resolved",
      unresolved.slice(0, 100).map((p) => ({ pointer: p.location[0]?.pointer ?? "", message: p.message })),
    );
  }
  return result.bundle.parsed as Record<string, unknown>;
}
