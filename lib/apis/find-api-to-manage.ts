// Loads an API that the actor is about to change: 404 when it does not exist,
// 403 unless the actor is a platform admin or the API's publisher (owner).
import type { Actor } from "@/lib/iam/actor";
import { assertCanManageApi } from "@/lib/iam/ownership";
import { db, type DbTransaction } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

type Client = Pick<DbTransaction, "api">;

export async function findApiToManage(id: string, actor: Actor, client: Client = db()) {
  const api = await client.api.findUnique({ where: { id } });
  if (!api) throw notFound("API", id);
  assertCanManageApi(actor, api);
  return api;
}

/**
 * Takes the API's row lock for the rest of the transaction, so revision numbers,
 * the current revision and lifecycle changes of one API happen one at a time.
 */
export async function lockApiRow(tx: DbTransaction, id: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Api" WHERE id = ${id} FOR UPDATE`;
}
