// Ownership rules: platform admins manage everything; API publishers manage the
// APIs and products they own, never what an admin created (ownerId null); viewers
// and developers manage nothing.
import { ApiError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { canManageOwned } from "./can-manage-owned";

type Owned = { ownerId: string | null };

function canManage(actor: Actor, resource: Owned): boolean {
  return canManageOwned(actor.role, actor.userId, resource.ownerId);
}

export function assertCanManageApi(actor: Actor, api: Owned): void {
  if (!canManage(actor, api)) throw new ApiError("forbidden", "Only a platform admin or the API's owner may change this API");
}

export function assertCanManageProduct(actor: Actor, product: Owned): void {
  if (!canManage(actor, product)) throw new ApiError("forbidden", "Only a platform admin or the product's owner may change this product");
}

export function assertPlatformAdmin(actor: Actor): void {
  if (actor.role !== "platform_admin") throw new ApiError("forbidden", "Only a platform admin may do this");
}

/** Who owns what an actor creates: a publisher owns their APIs and products; admins' creations belong to nobody. */
export function initialOwnerId(actor: Actor): string | null {
  return actor.role === "api_publisher" ? actor.userId : null;
}
