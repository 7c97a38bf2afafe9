// Writes a revision's operations with one INSERT ... SELECT FROM jsonb_to_recordset, the rows
// sent as one JSON text parameter. Prisma's createMany compiles its query in the query
// compiler (WebAssembly, on the main thread) with every row as an argument: ~0.6 s of CPU
// for GitHub's 1,223 operations, while the lint workers need that core. As JSON text it is
// one JSON.stringify here and the parse happens in PostgreSQL's own process.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { ExtractedOperation } from "../specs/extract-operations";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

export async function writeRevisionOperations(tx: Tx, revisionId: string, operations: ExtractedOperation[]): Promise<void> {
  if (operations.length === 0) return;
  // Ids are opaque strings (the schema's cuid() default applies only to Prisma-made rows).
  const rows = operations.map((o) => ({ id: randomUUID(), operationId: o.operationId, method: o.method, path: o.path, summary: o.summary, tags: o.tags }));
  // WITH ORDINALITY + ORDER BY: rows (and each row's tags) keep document order, as with createMany.
  await tx.$executeRaw`
    INSERT INTO "Operation" ("id", "revisionId", "operationId", "method", "path", "summary", "tags")
    SELECT x."id", ${revisionId}, x."operationId", x."method", x."path", x."summary",
           ARRAY(SELECT t FROM jsonb_array_elements_text(x."tags") WITH ORDINALITY AS e(t, i) ORDER BY i)
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           AS ("id" text, "operationId" text, "method" text, "path" text, "summary" text, "tags" jsonb))
         WITH ORDINALITY AS x("id", "operationId", "method", "path", "summary", "tags", "n")
    ORDER BY x."n"`;
}
