// Every console and portal user, by email.
import { db } from "@/lib/db";
import { toUserResource } from "./user-schemas";

export async function listUsers() {
  const rows = await db().user.findMany({ orderBy: { email: "asc" } });
  return rows.map(toUserResource);
}
