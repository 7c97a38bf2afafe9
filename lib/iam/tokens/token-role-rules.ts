// Which roles a token may carry: never more than its creator holds. Roles are not a
// strict ladder (a developer may subscribe, a viewer may read the console), so each
// role lists what it may hand out instead of comparing ranks.
import { userRoles, type UserRoleName } from "@/lib/iam/roles";

const grantable: Record<UserRoleName, readonly UserRoleName[]> = {
  platform_admin: userRoles,
  api_publisher: ["api_publisher", "viewer"],
  viewer: ["viewer"],
  developer: ["developer"],
};

export function canGrantRole(creatorRole: UserRoleName, tokenRole: UserRoleName): boolean {
  return grantable[creatorRole].includes(tokenRole);
}
