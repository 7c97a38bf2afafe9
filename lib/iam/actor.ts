// Who is calling: a signed-in user or a management API token.
import { hasPermission } from "./rbac/permissions";
import type { UserRoleName } from "./roles";

export type Actor = {
  type: "user" | "token";
  /** User id, or token id ("bootstrap" for ADMIN_API_TOKEN). */
  id: string;
  label: string;
  role: UserRoleName;
  /** Set when the actor is (or acts for) a user. */
  userId: string | null;
};

export const systemActor: Actor = { type: "token", id: "system", label: "system", role: "platform_admin", userId: null };

export function isAdmin(actor: Actor): boolean {
  return actor.role === "platform_admin";
}

/** Acts on others' subscriptions (decides, subscribes them): the subscriptions.approve permission. */
export function canManageCatalog(actor: Actor): boolean {
  return hasPermission(actor.role, "subscriptions.approve");
}
