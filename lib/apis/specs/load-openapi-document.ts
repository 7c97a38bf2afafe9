// Parse once -> recognise (OpenAPI 3.x, or Swagger 2.0 converted) -> check operations are readable.
// The result wraps our single parse in a Redocly Document, which lint and bundle reuse.
import { Source, type Document } from "@redocly/openapi-core";
import { convertSwagger2 } from "./convert-swagger2";
import { invalidSpec, type SpecProblem } from "./invalid-spec";
import { parseSpecText } from "./parse-spec-text";

export type LoadedOpenApiDocument = {
  /** Redocly's view of the document: our parse plus the source text (used for nothing but code frames). */
  redocly: Document<Record<string, unknown>>;
  specVersion: string;
  title: string;
  version: string;
  /** "openapi-3.0", "openapi-3.1", "openapi-3.2" or "swagger-2.0" (converted). */
  sourceFormat: string;
  /** The document as JSON text: the original when it was JSON, otherwise serialised once. */
  json: () => string;
};

export const DOC_REF = "/openapi.json";
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `maxBytes`: the workspace's size limit, also applied to the document with YAML aliases expanded. */
export async function loadOpenApiDocument(text: string, maxBytes: number): Promise<LoadedOpenApiDocument> {
  const { value: raw, format } = parseSpecText(text, maxBytes);
  let parsed = raw;
  let sourceFormat: string;
  if (typeof raw.openapi === "string" && /^3\.[0-2](\.|$)/.test(raw.openapi)) {
    sourceFormat = `openapi-${raw.openapi.split(".").slice(0, 2).join(".")}`;
  } else if (String(raw.swagger) === "2.0" || String(raw.swagger) === "2") {
    parsed = await convertSwagger2(raw);
    sourceFormat = "swagger-2.0";
  } else {
    throw invalidSpec("Not an OpenAPI 3.x or Swagger 2.0 document", [
      { pointer: "#/openapi", message: "expected 'openapi: 3.0.x | 3.1.x | 3.2.x' or 'swagger: \"2.0\"'" },
    ]);
  }
  assertOperationsReadable(parsed);
  const info = isObject(parsed.info) ? parsed.info : {};
  const reusesText = format === "json" && parsed === raw;
  let json: string | undefined = reusesText ? text : undefined;
  return {
    redocly: { source: new Source(DOC_REF, reusesText ? text : ""), parsed },
    specVersion: String(parsed.openapi),
    title: typeof info.title === "string" ? info.title : "",
    version: typeof info.version === "string" ? info.version : String(info.version ?? ""),
    sourceFormat,
    json: () => (json ??= JSON.stringify(parsed)),
  };
}

/** Refuses only what makes operations unreadable; everything else is left to lint. */
function assertOperationsReadable(doc: Record<string, unknown>): void {
  if (doc.paths === undefined || doc.paths === null) return; // 3.1 allows webhooks-only documents
  if (!isObject(doc.paths)) throw invalidSpec("The document's paths cannot be read", [{ pointer: "#/paths", message: "must be an object" }]);
  const problems: SpecProblem[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const pointer = `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (!isObject(item)) {
      problems.push({ pointer, message: "a path item must be an object" });
      continue;
    }
    for (const method of HTTP_METHODS) {
      if (item[method] !== undefined && !isObject(item[method])) problems.push({ pointer: `${pointer}/${method}`, message: "an operation must be an object" });
    }
  }
  if (problems.length > 0) throw invalidSpec("Some operations cannot be read", problems.slice(0, 100));
}
