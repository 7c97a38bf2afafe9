// Every write that puts an API at a gateway path (create, joining or leaving a set,
// a new version name, a set's new scheme) passes here, in the writing transaction:
// joining a set needs the right to manage it, and the EFFECTIVE gateway path (the
// version folded in) must be free and must not overlap an API the actor does not own.
import type { Actor } from "@/lib/iam/actor";
import type { DbTransaction } from "@/lib/db";
import { assertPathNotNestedInForeignApi } from "../assert-path-not-nested-in-foreign-api";
import { assertApiPathAvailable, type PathClaim } from "./assert-api-path-available";
import { assertCanManageVersionSet } from "./assert-can-manage-version-set";

export async function assertMayClaimGatewayPath(
  tx: DbTransaction,
  actor: Actor,
  claim: PathClaim,
  options: { joinsSet: boolean },
): Promise<void> {
  // An unknown set is left to assertApiPathAvailable (422), as it is for admins.
  if (options.joinsSet && claim.versionSetId && (await tx.apiVersionSet.count({ where: { id: claim.versionSetId } }))) {
    await assertCanManageVersionSet(tx, actor, claim.versionSetId);
  }
  const gatewayPath = await assertApiPathAvailable(tx, claim);
  await assertPathNotNestedInForeignApi(tx, actor, { apiId: claim.apiId, gatewayPath });
}
