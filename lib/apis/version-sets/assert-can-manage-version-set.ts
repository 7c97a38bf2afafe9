// Who may change a version set, or put an API into it: platform admins always; a
// publisher only a set it created, and only while it may manage every API in it.
// Joining a foreign set would let a publisher add versions beside another owner's
// API, take a version name its clients use, or block the owner's own changes.
import type { Actor } from "@/lib/iam/actor";
import { canManageOwned } from "@/lib/iam/can-manage-owned";
import type { DbTransaction } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { lockGatewayPaths } from "./assert-api-path-available";

export async function assertCanManageVersionSet(tx: DbTransaction, actor: Actor, versionSetId: string): Promise<void> {
  if (actor.role === "platform_admin") return;
  await lockGatewayPaths(tx);
  const [set, members] = await Promise.all([
    tx.apiVersionSet.findUnique({ where: { id: versionSetId }, select: { ownerId: true } }),
    tx.api.findMany({ where: { versionSetId }, select: { ownerId: true } }),
  ]);
  const ownerId = set?.ownerId ?? null;
  const mayManage = canManageOwned(actor.role, actor.userId, ownerId) && members.every((api) => canManageOwned(actor.role, actor.userId, api.ownerId));
  if (!mayManage) {
    throw new ApiError("forbidden", "Only a platform admin or the publisher who created this version set (and owns all its APIs) may change it or add APIs to it");
  }
}
