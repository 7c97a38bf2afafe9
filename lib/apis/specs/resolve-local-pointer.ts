// Follows a local "#/a/b" reference (a JSON pointer, possibly URI-encoded) within a document.
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function resolveLocalPointer(document: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let target: unknown = document;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // keep it as written
    }
    segment = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    // Own properties only: "#/constructor" or "#/__proto__" must not reach Object.prototype.
    target = isObject(target) ? (Object.hasOwn(target, segment) ? target[segment] : undefined) : Array.isArray(target) ? target[Number(segment)] : undefined;
  }
  return target;
}

/** The object `node` stands for: itself, or what its local `$ref` chain leads to (at most 10 hops); {} for anything else. */
export function derefLocal(document: Record<string, unknown>, node: unknown, depth = 0): Record<string, unknown> {
  if (!isObject(node)) return {};
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/") && depth < 10) return derefLocal(document, resolveLocalPointer(document, node.$ref), depth + 1);
  return node;
}
