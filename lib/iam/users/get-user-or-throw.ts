// GET /api/v1/users/{id} - one user, or 404.
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { toUserResource } from "./user-schemas";

export async function getUserOrThrow(id: string) {
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw notFound("User", id);
  return toUserResource(user);
}
