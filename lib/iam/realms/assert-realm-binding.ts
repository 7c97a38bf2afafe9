// An API may be bound only to a realm that exists (deleting a bound realm is refused in turn).
import type { DbTransaction } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

export async function assertRealmBindingExists(tx: Pick<DbTransaction, "realm">, jwtRequirements: unknown): Promise<void> {
  if (!jwtRequirements || typeof jwtRequirements !== "object" || !("realm" in jwtRequirements)) return;
  const name = String(jwtRequirements.realm);
  if (!(await tx.realm.findUnique({ where: { name }, select: { id: true } }))) {
    throw new ApiError("unprocessable", `jwtRequirements.realm: no realm named '${name}'`);
  }
}
