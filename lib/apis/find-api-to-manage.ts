// Loads an API that the actor is about to change: 404 when it does not exist,
// 403 unless the actor is a platform admin or the API's publisher (owner).
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCanManageApi } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

type Client = Pick<Prisma.TransactionClient, "api">;

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
export async function lockApiRow(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Api" WHERE id = ${id} FOR UPDATE`;
}
