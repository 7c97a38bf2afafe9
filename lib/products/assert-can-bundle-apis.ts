// A product grants access to its APIs, so adding an API to a product is managing that API:
// every id must exist, and an API publisher may only add APIs they may manage.
import type { Actor } from "@/lib/iam/actor";
import { assertCanManageApi } from "@/lib/iam/ownership";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

/** Returns the de-duplicated ids. APIs already in the product are not re-checked for ownership. */
export async function assertCanBundleApis(apiIds: string[], actor: Actor, alreadyBundled: string[] = []): Promise<string[]> {
  const unique = [...new Set(apiIds)];
  const found = await db().api.findMany({ where: { id: { in: unique } }, select: { id: true, ownerId: true } });
  const missing = unique.filter((id) => !found.some((a) => a.id === id));
  if (missing.length > 0) throw new ApiError("unprocessable", `Unknown API ids: ${missing.join(", ")}`);
  for (const api of found) if (!alreadyBundled.includes(api.id)) assertCanManageApi(actor, api);
  return unique;
}
