// Loads one user (without the password hash, which db() never returns unasked), or 404.
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export async function getUserOrThrow(id: string) {
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw notFound("User", id);
  return user;
}
