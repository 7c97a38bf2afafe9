// The roles, and which of them use the console (developers use the portal only). What
// each role may do is in rbac/permissions.ts.
export const userRoles = ["platform_admin", "api_publisher", "viewer", "developer"] as const;
export type UserRoleName = (typeof userRoles)[number];

export const consoleRoles: readonly UserRoleName[] = ["platform_admin", "api_publisher", "viewer"];

export function isConsoleRole(role: UserRoleName): boolean {
  return consoleRoles.includes(role);
}

/** Prisma enum (PLATFORM_ADMIN) <-> API name (platform_admin). */
export const roleToApi = (role: string) => role.toLowerCase() as UserRoleName;
export const roleFromApi = (role: UserRoleName) =>
  role.toUpperCase() as "PLATFORM_ADMIN" | "API_PUBLISHER" | "VIEWER" | "DEVELOPER";
