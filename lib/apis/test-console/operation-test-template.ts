// What the test console's form needs for one operation of the current revision: its path,
// query and header parameters (with an example or default when the document gives one) and an
// example request body, read from the stored, bundled document. Schemas are walked only a few
// levels deep: this seeds a textarea, it does not validate anything.
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { getApiOrThrow } from "../get-api-or-throw";
import { derefLocal, isObject } from "../specs/resolve-local-pointer";
import type { OperationTestTemplate, TestParameter } from "./operation-template-schemas";

type Node = Record<string, unknown>;

/** An example value for a schema: its example, default, first enum value, or one made from its type. */
export function exampleOf(document: Node, raw: unknown, depth = 0): unknown {
  const schema = derefLocal(document, raw);
  if ("example" in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (depth > 4) return null;
  const first = [schema.allOf, schema.oneOf, schema.anyOf].find((list) => Array.isArray(list) && list.length > 0) as unknown[] | undefined;
  if (first) {
    if (schema.allOf) return Object.assign({}, ...first.map((s) => exampleOf(document, s, depth + 1)).filter(isObject));
    return exampleOf(document, first[0], depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || isObject(schema.properties)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    return Object.fromEntries(Object.entries(properties).slice(0, 50).map(([name, s]) => [name, exampleOf(document, s, depth + 1)]));
  }
  if (type === "array") return [exampleOf(document, schema.items, depth + 1)];
  if (type === "integer" || type === "number") return 0;
  if (type === "boolean") return false;
  if (type === "string") return schema.format === "date-time" ? new Date(0).toISOString() : "string";
  return null;
}

function parameterOf(document: Node, raw: unknown): TestParameter | null {
  const p = derefLocal(document, raw);
  if (typeof p.name !== "string" || (p.in !== "path" && p.in !== "query" && p.in !== "header")) return null;
  const example = "example" in p ? p.example : exampleOf(document, p.schema);
  return {
    name: p.name,
    in: p.in,
    required: p.in === "path" || p.required === true,
    description: typeof p.description === "string" ? p.description.slice(0, 500) : "",
    example: example === null || example === undefined ? "" : typeof example === "string" ? example : JSON.stringify(example),
  };
}

export async function operationTestTemplate(apiId: string, operationId: string, actor: Actor): Promise<OperationTestTemplate> {
  await getApiOrThrow(apiId, actor);
  const operation = await db().operation.findFirst({ where: { id: operationId, revision: { apiId, isCurrent: true } }, include: { revision: { select: { spec: true } } } });
  if (!operation) throw notFound("Operation of the current revision", operationId);
  const document = isObject(operation.revision.spec) ? operation.revision.spec : {};
  const item = derefLocal(document, isObject(document.paths) ? document.paths[operation.path] : undefined);
  const op = derefLocal(document, item[operation.method.toLowerCase()]);
  // Operation-level parameters override path-level ones of the same name and place.
  const byKey = new Map<string, TestParameter>();
  for (const raw of [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
    const parameter = parameterOf(document, raw);
    if (parameter) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const content = derefLocal(document, op.requestBody).content;
  const [mediaType, media] = isObject(content) ? (Object.entries(content).find(([type]) => type.includes("json")) ?? Object.entries(content)[0] ?? []) : [];
  let body = "";
  if (isObject(media)) {
    const example = "example" in media ? media.example : isObject(media.examples) ? derefLocal(document, Object.values(media.examples)[0]).value : exampleOf(document, media.schema);
    body = typeof example === "string" ? example : example === undefined ? "" : JSON.stringify(example, null, 2);
  }
  return {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    parameters: [...byKey.values()],
    body: { mediaType: typeof mediaType === "string" ? mediaType : null, example: body.slice(0, 100_000) },
  };
}
