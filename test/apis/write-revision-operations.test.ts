// The raw operations INSERT (write-revision-operations.ts) must store exactly what Prisma's
// createMany stored: same columns, nulls, tag order, empty tags, unicode.
import { describe, expect, it } from "vitest";
import { db, type DbTransaction } from "@/lib/db";
import type { ExtractedOperation } from "@/lib/apis/specs/extract-operations";
import { SPEC_PENDING } from "@/lib/apis/revisions/write-revision-json";
import { writeRevisionOperations } from "@/lib/apis/revisions/write-revision-operations";
import { uniquePath } from "../support/demo-spec";

const operations: ExtractedOperation[] = [
  { operationId: "getItem", method: "get", path: "/items/{id}", summary: "Get one", tags: ["b", "a", "b"] },
  { operationId: null, method: "post", path: "/items", summary: "", tags: [] },
  { operationId: "dup", method: "delete", path: "/ünï/😀", summary: "it's \"quoted\" \\ and\nmultiline", tags: ["ユニコード", ""] },
  { operationId: "dup", method: "get", path: "/a", summary: "x", tags: ["{braces}", "with,comma"] },
];

async function revisionWith(write: (tx: DbTransaction, revisionId: string) => Promise<unknown>) {
  return db().$transaction(async (tx) => {
    const api = await tx.api.create({ data: { name: "ops", path: uniquePath("ops"), backendUrls: ["http://127.0.0.1:1/"] } });
    const revision = await tx.apiRevision.create({
      data: { apiId: api.id, number: 1, isCurrent: true, spec: SPEC_PENDING, specVersion: "3.0.3", title: "t", version: "1", sourceFormat: "openapi-3.0" },
    });
    await write(tx, revision.id);
    // Rows have no order column: PostgreSQL may place them in space freed by other tests, so
    // every reader sorts by path and method, and so does this comparison.
    const rows = await tx.operation.findMany({ where: { revisionId: revision.id }, orderBy: [{ path: "asc" }, { method: "asc" }, { operationId: "asc" }] });
    await tx.api.delete({ where: { id: api.id } });
    return rows.map(({ id, revisionId, ...rest }) => ({ ...rest, idIsText: typeof id === "string" && id.length > 0, ownRevision: revisionId === revision.id }));
  });
}

describe("writeRevisionOperations", () => {
  it("stores the same rows as createMany", async () => {
    const raw = await revisionWith((tx, revisionId) => writeRevisionOperations(tx, revisionId, operations));
    const prisma = await revisionWith((tx, revisionId) => tx.operation.createMany({ data: operations.map((o) => ({ ...o, revisionId })) }));
    expect(raw).toEqual(prisma);
    expect(raw.map((r) => `${r.method} ${r.path}`).sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
    expect(raw.every((r) => r.idIsText && r.ownRevision)).toBe(true);
  });

  it("writes nothing for a document without operations", async () => {
    expect(await revisionWith((tx, revisionId) => writeRevisionOperations(tx, revisionId, []))).toEqual([]);
  });
});
