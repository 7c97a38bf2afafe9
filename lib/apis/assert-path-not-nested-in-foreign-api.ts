// The gateway routes by longest gateway-path prefix, so an API served at "orders/admin"
// would take traffic (bodies, keys, bearer tokens) away from the API at "orders", and
// one at "orders" would take everything below another API's "orders/v1". Only a platform
// admin may serve an API at, inside, or around the gateway path of an API it does not
// own. Callers pass the EFFECTIVE gateway path (a path-scheme version folds its name
// in: "orders" + "v2" -> "orders/v2"), never the bare `path` of the request.
import type { Actor } from "@/lib/iam/actor";
import type { DbTransaction } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { gatewayPathOf } from "./version-sets/gateway-path";

/** "a/b/c" -> ["a", "a/b", "a/b/c"]: the path and every path it is nested in. */
function selfAndAncestors(path: string): string[] {
  const segments = path.split("/");
  return segments.map((_, i) => segments.slice(0, i + 1).join("/"));
}

const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

export type GatewayPathClaim = {
  /** The API being changed (never foreign to itself); absent on create. */
  apiId?: string;
  gatewayPath: string;
};

export async function assertPathNotNestedInForeignApi(tx: DbTransaction, actor: Actor, claim: GatewayPathClaim): Promise<void> {
  if (actor.role === "platform_admin") return;
  const mine = claim.gatewayPath;
  // An API's gateway path starts with its own path, so these are the only ones that can overlap.
  const candidates = await tx.api.findMany({
    where: {
      AND: [
        claim.apiId ? { id: { not: claim.apiId } } : {},
        { OR: [{ path: { in: selfAndAncestors(mine) } }, { path: { startsWith: `${mine}/` } }] },
        // Spelled out: SQL's "ownerId <> me" would skip the admins' APIs (ownerId NULL).
        actor.userId ? { OR: [{ ownerId: null }, { ownerId: { not: actor.userId } }] } : {},
      ],
    },
    select: { name: true, path: true, versionName: true, versionSet: { select: { scheme: true } } },
  });
  const foreign = candidates.find((api) => overlaps(mine, gatewayPathOf(api, api.versionSet?.scheme)));
  if (foreign) {
    const theirs = gatewayPathOf(foreign, foreign.versionSet?.scheme);
    throw new ApiError(
      "forbidden",
      `The gateway path '/${mine}' overlaps '/${theirs}' of API '${foreign.name}', which you do not own; ask a platform admin`,
    );
  }
}
