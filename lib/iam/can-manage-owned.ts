// The ownership rule as a pure function (no server imports), so the console hides
// exactly the controls the server would refuse: platform admins manage everything,
// API publishers only what they own (never what an admin created: ownerId null).
import type { UserRoleName } from "./roles";

export function canManageOwned(role: UserRoleName, userId: string | null, ownerId: string | null): boolean {
  if (role === "platform_admin") return true;
  return role === "api_publisher" && userId !== null && ownerId === userId;
}
