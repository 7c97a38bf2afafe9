// Reads every operation of a bundled OpenAPI 3.x document, keeping messy ones:
// missing or duplicate operationIds, identical templated paths and unicode are real-world normal.
import { resolveLocalPointer } from "./resolve-local-pointer";

export type ExtractedOperation = {
  operationId: string | null;
  method: string;
  path: string;
  summary: string;
  tags: string[];
};

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A path item may itself be a local $ref (e.g. to #/components/pathItems/X in 3.1); loops were refused at parse. */
function resolveLocalRef(document: Record<string, unknown>, node: Record<string, unknown>, depth = 0): Record<string, unknown> {
  if (typeof node.$ref !== "string" || !node.$ref.startsWith("#/") || depth > 10) return node;
  const target = resolveLocalPointer(document, node.$ref);
  // Siblings of the $ref (3.1 allows summary/description) override the target's.
  return isObject(target) ? { ...resolveLocalRef(document, target, depth + 1), ...node } : node;
}

export function extractOperations(document: Record<string, unknown>): ExtractedOperation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const operations: ExtractedOperation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    if (!isObject(rawItem)) continue;
    const item = resolveLocalRef(document, rawItem);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      operations.push({
        operationId: typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : null,
        method: method.toUpperCase(),
        path,
        summary: typeof op.summary === "string" ? op.summary.slice(0, 1000) : "",
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
      });
    }
  }
  return operations;
}
