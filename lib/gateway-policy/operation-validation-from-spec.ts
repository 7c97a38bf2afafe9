// What request validation needs for one operation, taken from the current
// revision's OpenAPI document: its path, query and header parameters (path
// item's and operation's, the operation's winning) and its JSON request body,
// each with its schema. The gateway never sees the document, so local $refs
// are inlined here; a reference cycle, or a schema that would expand past a
// size budget, becomes `true` (accepts anything) for that part rather than
// blowing up the snapshot.
import type { OperationValidation } from "@portcullis/gateway/contract";
import { resolveLocalPointer } from "@/lib/apis/specs/resolve-local-pointer";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Nodes one schema may expand to; real request schemas stay far below it. */
const NODE_BUDGET = 5000;
const LOCATIONS = new Set(["path", "query", "header"]);

export function operationValidationFromSpec(spec: unknown, method: string, path: string): OperationValidation | undefined {
  if (!isObject(spec) || !isObject(spec.paths)) return undefined;
  const pathItem = deref(spec, spec.paths[path]);
  const operation = isObject(pathItem) ? deref(spec, pathItem[method.toLowerCase()]) : undefined;
  if (!isObject(pathItem) || !isObject(operation)) return undefined;
  const openapi30 = typeof spec.openapi === "string" && spec.openapi.startsWith("3.0");

  const byKey = new Map<string, OperationValidation["parameters"][number]>();
  for (const raw of [...asArray(pathItem.parameters), ...asArray(operation.parameters)]) {
    const p = deref(spec, raw);
    if (!isObject(p) || typeof p.name !== "string" || typeof p.in !== "string" || !LOCATIONS.has(p.in)) continue;
    const where = p.in as "path" | "query" | "header";
    const key = `${where}:${where === "header" ? p.name.toLowerCase() : p.name}`;
    byKey.set(key, { name: p.name, in: where, required: p.in === "path" || p.required === true, schema: inlineSchema(spec, p.schema ?? true, openapi30) });
  }

  const body = deref(spec, operation.requestBody);
  const content = isObject(body) && isObject(body.content) ? body.content : {};
  const jsonType = Object.keys(content).find((type) => /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type));
  const media = jsonType ? content[jsonType] : undefined;
  return {
    parameters: [...byKey.values()],
    ...(isObject(media) && media.schema !== undefined
      ? { body: { required: isObject(body) && body.required === true, schema: inlineSchema(spec, media.schema, openapi30) } }
      : {}),
  };
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Follows $refs to a non-reference (at most 20 hops, so a ref loop ends). */
function deref(spec: Json, value: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === "string"; hops++) current = resolveLocalPointer(spec, current.$ref);
  return isObject(current) && typeof current.$ref === "string" ? undefined : current;
}

function inlineSchema(spec: Json, schema: unknown, openapi30: boolean): Json | boolean {
  let budget = NODE_BUDGET;
  const walk = (node: unknown, refsOnPath: ReadonlySet<string>): unknown => {
    if (--budget < 0) throw new RangeError("schema too large to inline");
    if (Array.isArray(node)) return node.map((item) => walk(item, refsOnPath));
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string") {
      if (refsOnPath.has(node.$ref)) return true; // a recursive schema: its deeper levels go unchecked
      return walk(resolveLocalPointer(spec, node.$ref) ?? true, new Set([...refsOnPath, node.$ref]));
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) out[key] = key === "example" || key === "examples" ? undefined : walk(value, refsOnPath);
    for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
    return openapi30 ? fromOpenApi30(out) : out;
  };
  try {
    const result = walk(schema, new Set());
    return isObject(result) || typeof result === "boolean" ? result : true;
  } catch (err) {
    if (err instanceof RangeError) return true;
    throw err;
  }
}

/** OpenAPI 3.0's draft-04 booleans for exclusiveMinimum/Maximum, as the JSON Schema 2020-12 numbers ajv expects. */
function fromOpenApi30(schema: Json): Json {
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof schema[exclusive] !== "boolean") continue;
    if (schema[exclusive] && typeof schema[bound] === "number") {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else delete schema[exclusive];
  }
  return schema;
}
