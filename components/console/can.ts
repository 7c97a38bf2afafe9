// The client side of the permission table: the server component computes what the user
// may do (permissionsOf in lib/iam/rbac) and passes the list down, so no client bundle
// carries the table itself. Hiding a control is a courtesy; the API refuses regardless.
import type { Permission } from "@/lib/iam/rbac/permissions";

export type GrantedPermissions = readonly Permission[];

export const can = (granted: GrantedPermissions, permission: Permission): boolean => granted.includes(permission);
