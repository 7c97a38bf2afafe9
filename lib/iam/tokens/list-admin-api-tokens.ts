// Every management API token, newest first: what it may do and whether it still works, never its secret.
import { db } from "@/lib/db";
import { tokenInclude, toAdminApiTokenResource } from "./token-schemas";

export async function listAdminApiTokens() {
  const rows = await db().adminApiToken.findMany({ include: tokenInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toAdminApiTokenResource);
}
