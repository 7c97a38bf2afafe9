// Reads the operations of a stored (bundled) OpenAPI 3.x document for diffing,
// keyed by method and normalised path template: "/orders/{id}" and
// "/orders/{orderId}/" are the same operation to a client.
import { resolveLocalPointer } from "../specs/resolve-local-pointer";

export type JsonObject = Record<string, unknown>;

export type DocumentOperation = {
  method: string;
  path: string;
  operation: JsonObject;
  /** Path-level parameters apply to every operation of the path. */
  pathParameters: unknown[];
};

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"] as const;

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** "/orders/{orderId}/" -> "/orders/{}": parameter names and trailing slashes do not change the route. */
export function normalisePathTemplate(path: string): string {
  const trimmed = `/${path.replace(/^\/+|\/+$/g, "")}`;
  return trimmed.replace(/\{[^{}]*\}/g, "{}");
}

/** Follows a local "#/a/b" reference (JSON pointer, URI-encoded) within `document`. */
export const resolvePointer = resolveLocalPointer;

/** A path item may itself be a local $ref (components/pathItems in 3.1). */
function pathItemOf(document: JsonObject, item: unknown): JsonObject | null {
  for (let depth = 0; isObject(item) && typeof item.$ref === "string" && depth < 10; depth++) {
    item = resolvePointer(document, item.$ref);
  }
  return isObject(item) ? item : null;
}

/**
 * Operations by key "GET /orders/{}". Real specs may hold the same key twice
 * (identical templated paths); the repeats get "#2", "#3" so none is lost.
 */
export function documentOperations(document: JsonObject): Map<string, DocumentOperation> {
  const byKey = new Map<string, DocumentOperation>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = pathItemOf(document, rawItem);
    if (!item) continue;
    const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const base = `${method.toUpperCase()} ${normalisePathTemplate(path)}`;
      let key = base;
      for (let n = 2; byKey.has(key); n++) key = `${base}#${n}`;
      byKey.set(key, { method: method.toUpperCase(), path, operation, pathParameters });
    }
  }
  return byKey;
}
