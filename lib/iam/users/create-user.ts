// A platform admin adds a console user or a developer; the password is stored only as a scrypt hash.
import type { Actor } from "@/lib/iam/actor";
import { hashPassword } from "@/lib/iam/password";
import { roleFromApi } from "@/lib/iam/roles";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { toUserResource, type CreateUserInput } from "./user-schemas";

export async function createUser(input: CreateUserInput, actor: Actor) {
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ApiError("conflict", `A user with the email '${input.email}' already exists`, { field: "email" });
  }
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, role: roleFromApi(input.role), passwordHash },
    });
    const after = toUserResource(created);
    await recordAuditEvent(tx, actor, { action: "user.created", entityType: "user", entityId: created.id, after });
    return after;
  });
}
