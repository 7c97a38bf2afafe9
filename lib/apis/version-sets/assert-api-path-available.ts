// The gateway path of an API must be unique, except that the versions of one
// header/query version set share their path (the gateway picks by version).
// The database cannot express that, so it is checked here, under a lock, in
// the caller's transaction: two concurrent imports cannot both pass.
import type { DbTransaction } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { gatewayPathOf } from "./gateway-path";

type Tx = DbTransaction;

/** Serialises every check-then-write on API paths and versions. */
const API_PATH_LOCK_ID = 7_270_002;

/** Also taken before reading a set's members, so nobody joins between that read and the write. */
export async function lockGatewayPaths(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${API_PATH_LOCK_ID})`);
}

export type PathClaim = {
  /** The API being changed (excluded from the comparison); absent on create. */
  apiId?: string;
  path: string;
  versionSetId: string | null;
  versionName: string | null;
};

/** Returns the claim's gateway path, which the ownership check must look at (not `path`). */
export async function assertApiPathAvailable(tx: Tx, claim: PathClaim): Promise<string> {
  if (!claim.versionSetId && claim.versionName) {
    throw new ApiError("validation_failed", "versionName needs a versionSetId", { issues: [{ path: "versionSetId", message: "required with versionName" }] });
  }
  await lockGatewayPaths(tx);
  const set = claim.versionSetId ? await tx.apiVersionSet.findUnique({ where: { id: claim.versionSetId } }) : null;
  if (claim.versionSetId && !set) throw new ApiError("unprocessable", `Version set '${claim.versionSetId}' does not exist`);
  if (set && !claim.versionName) throw new ApiError("validation_failed", "versionName is required when the API is in a version set");

  const mine = gatewayPathOf(claim, set?.scheme);
  const parent = mine.includes("/") ? mine.slice(0, mine.lastIndexOf("/")) : mine;
  // Only these can collide: same gateway path means same path, or the parent path plus a path version.
  const candidates = await tx.api.findMany({
    where: {
      id: claim.apiId ? { not: claim.apiId } : undefined,
      OR: [{ path: { in: [mine, parent] } }, ...(set ? [{ versionSetId: set.id, versionName: claim.versionName }] : [])],
    },
    select: { name: true, path: true, versionSetId: true, versionName: true, versionSet: { select: { scheme: true } } },
  });

  for (const other of candidates) {
    if (set && other.versionSetId === set.id && other.versionName === claim.versionName) {
      throw new ApiError("conflict", `Version set '${set.name}' already has a version '${claim.versionName}' (API '${other.name}')`, { field: "versionName" });
    }
    if (gatewayPathOf(other, other.versionSet?.scheme) !== mine) continue;
    const sameHeaderOrQuerySet = set && set.scheme !== "PATH" && other.versionSetId === set.id;
    if (!sameHeaderOrQuerySet) {
      throw new ApiError(
        "conflict",
        `The gateway path '/${mine}' is already used by API '${other.name}'; APIs share a path only as versions of one header or query version set`,
        { field: "path" },
      );
    }
  }
  return mine;
}
