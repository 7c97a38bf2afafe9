// The diff between two revisions: operations added, removed, and changed in
// what a client sees (summary, operationId, tags, parameters, request body,
// responses), computed from the stored documents with $refs looked through.
import { documentOperations, isObject, type DocumentOperation, type JsonObject } from "./document-operations";
import { ResolvedComparer } from "./resolved-equal";

export const comparedFields = ["summary", "operationId", "tags", "parameters", "requestBody", "responses"] as const;
export type ComparedField = (typeof comparedFields)[number];

export type DiffOperation = { method: string; path: string; operationId: string | null; summary: string; tags: string[] };
export type ChangedOperation = { method: string; path: string; before: DiffOperation; after: DiffOperation; fields: ComparedField[] };
export type OperationsDiff = { added: DiffOperation[]; removed: DiffOperation[]; changed: ChangedOperation[] };

function describe(op: DocumentOperation): DiffOperation {
  const { operationId, summary, tags } = op.operation;
  return {
    method: op.method,
    path: op.path,
    operationId: typeof operationId === "string" && operationId !== "" ? operationId : null,
    summary: typeof summary === "string" ? summary : "",
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [],
  };
}

/** Path-level and operation-level parameters by "in:name"; the operation's win, as in OpenAPI. */
function effectiveParameters(op: DocumentOperation, document: JsonObject, comparer: ResolvedComparer): Map<string, unknown> {
  const byKey = new Map<string, unknown>();
  const own = Array.isArray(op.operation.parameters) ? op.operation.parameters : [];
  for (const [i, parameter] of [...op.pathParameters, ...own].entries()) {
    const resolved = comparer.resolve(parameter, document);
    const key = isObject(resolved) && typeof resolved.name === "string" ? `${String(resolved.in)}:${resolved.name}` : `#${i}`;
    byKey.set(key, parameter);
  }
  return byKey;
}

function changedFields(before: DocumentOperation, after: DocumentOperation, docs: [JsonObject, JsonObject], comparer: ResolvedComparer) {
  const fields: ComparedField[] = [];
  const [a, b] = [describe(before), describe(after)];
  if (a.summary !== b.summary) fields.push("summary");
  if (a.operationId !== b.operationId) fields.push("operationId");
  if ([...a.tags].sort().join("\n") !== [...b.tags].sort().join("\n")) fields.push("tags");
  const [paramsA, paramsB] = [effectiveParameters(before, docs[0], comparer), effectiveParameters(after, docs[1], comparer)];
  const sameParams = paramsA.size === paramsB.size && [...paramsA].every(([k, v]) => paramsB.has(k) && comparer.equal(v, paramsB.get(k)));
  if (!sameParams) fields.push("parameters");
  if (!comparer.equal(before.operation.requestBody, after.operation.requestBody)) fields.push("requestBody");
  if (!comparer.equal(before.operation.responses, after.operation.responses)) fields.push("responses");
  return fields;
}

/** `before` and `after` are bundled OpenAPI 3.x documents (ApiRevision.spec). */
export function diffOperations(before: unknown, after: unknown): OperationsDiff {
  const docs: [JsonObject, JsonObject] = [isObject(before) ? before : {}, isObject(after) ? after : {}];
  const [opsBefore, opsAfter] = [documentOperations(docs[0]), documentOperations(docs[1])];
  const comparer = new ResolvedComparer(docs[0], docs[1]);
  const diff: OperationsDiff = { added: [], removed: [], changed: [] };
  for (const [key, op] of opsAfter) {
    const old = opsBefore.get(key);
    if (!old) {
      diff.added.push(describe(op));
      continue;
    }
    const fields = changedFields(old, op, docs, comparer);
    if (fields.length > 0) diff.changed.push({ method: op.method, path: op.path, before: describe(old), after: describe(op), fields });
  }
  for (const [key, op] of opsBefore) if (!opsAfter.has(key)) diff.removed.push(describe(op));
  return diff;
}
