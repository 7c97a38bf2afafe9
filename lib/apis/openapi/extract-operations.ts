// Reads every operation of a bundled OpenAPI 3.x document, keeping messy ones:
// missing or duplicate operationIds and odd paths are real-world normal.
export type ExtractedOperation = {
  operationId: string | null;
  method: string;
  path: string;
  summary: string;
  tags: string[];
};

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function extractOperations(document: Record<string, unknown>): ExtractedOperation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const operations: ExtractedOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      operations.push({
        operationId: typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : null,
        method: method.toUpperCase(),
        path,
        summary: typeof op.summary === "string" ? op.summary : "",
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
      });
    }
  }
  return operations;
}
