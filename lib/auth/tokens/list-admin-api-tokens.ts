// GET /api/v1/tokens - every management API token, newest first (never the secret).
import { db } from "@/lib/db";
import { tokenInclude, toAdminApiTokenResource } from "./token-schemas";

export async function listAdminApiTokens() {
  const rows = await db().adminApiToken.findMany({ include: tokenInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toAdminApiTokenResource);
}
