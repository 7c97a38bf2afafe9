// Parse -> recognise -> bundle (resolve local $refs) with @redocly/openapi-core.
// Refuses only documents that cannot be used; lint findings never refuse.
import { createConfig, makeDocumentFromString, bundle, BaseResolver } from "@redocly/openapi-core";
import { invalidSpec } from "./invalid-spec";
import { parseSpecText } from "./parse-spec-text";

export type LoadedOpenApiDocument = {
  document: Record<string, unknown>;
  specVersion: string;
  title: string;
  version: string;
  /** The text as given, re-serialised as JSON, for linting. */
  sourceJson: string;
};

const DOC_REF = "/openapi.json";

/** Refuses remote and file $refs: an import must never read our disk or the network. */
class LocalOnlyResolver extends BaseResolver {
  async loadExternalRef(absoluteRef: string): Promise<never> {
    throw new Error(`External $ref not allowed: ${absoluteRef}`);
  }
}

function recognise(raw: Record<string, unknown>): string {
  if (typeof raw.openapi === "string" && /^3\.[0-2]\./.test(raw.openapi)) return raw.openapi;
  if (raw.swagger === "2.0") {
    throw invalidSpec("Swagger 2.0 documents are not supported yet; convert to OpenAPI 3.x", [
      { pointer: "#/swagger", message: "Swagger 2.0" },
    ]);
  }
  throw invalidSpec("Not an OpenAPI 3.x document", [
    { pointer: "#/openapi", message: "expected a field 'openapi' with a version 3.0.x, 3.1.x or 3.2.x" },
  ]);
}

export async function loadOpenApiDocument(text: string): Promise<LoadedOpenApiDocument> {
  const raw = parseSpecText(text);
  const specVersion = recognise(raw);
  const info = (typeof raw.info === "object" && raw.info) || {};
  if (typeof raw.paths !== "undefined" && (typeof raw.paths !== "object" || raw.paths === null || Array.isArray(raw.paths))) {
    throw invalidSpec("The document's paths cannot be read", [{ pointer: "#/paths", message: "must be an object" }]);
  }
  const sourceJson = JSON.stringify(raw);
  const config = await createConfig({ extends: ["minimal"] });
  const externalRefResolver = new LocalOnlyResolver();
  const doc = makeDocumentFromString(sourceJson, DOC_REF);
  const result = await bundle({ doc, config, externalRefResolver, dereference: false });
  const unresolved = result.problems.filter((p) => p.severity === "error");
  if (unresolved.length > 0) {
    throw invalidSpec(
      "The document has $refs that cannot be resolved",
      unresolved.map((p) => ({ pointer: p.location[0]?.pointer ?? "", message: p.message })),
    );
  }
  return {
    document: result.bundle.parsed as Record<string, unknown>,
    specVersion,
    title: typeof (info as { title?: unknown }).title === "string" ? (info as { title: string }).title : "",
    version: typeof (info as { version?: unknown }).version === "string" ? (info as { version: string }).version : "",
    sourceJson,
  };
}
