import type { DbTransaction } from "@/lib/db";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export async function getRealmOrThrow(name: string, tx: Pick<DbTransaction, "realm"> = db()) {
  const realm = await tx.realm.findUnique({ where: { name } });
  if (!realm) throw notFound("Realm", name);
  return realm;
}
