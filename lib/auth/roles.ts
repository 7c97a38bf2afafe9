// Console roles and what each may do. Developers use the portal only.
export const userRoles = ["platform_admin", "api_publisher", "viewer", "developer"] as const;
export type UserRoleName = (typeof userRoles)[number];

export const consoleRoles: readonly UserRoleName[] = ["platform_admin", "api_publisher", "viewer"];

// Who may call what: the route handlers, the OpenAPI document and the console nav name these groups.
export const ALL_ROLES: readonly UserRoleName[] = userRoles;
export const CONSOLE_ROLES = consoleRoles;
export const CATALOG_MANAGERS: readonly UserRoleName[] = ["platform_admin", "api_publisher"];
export const ADMINS: readonly UserRoleName[] = ["platform_admin"];
/** Read users and the audit log. */
export const AUDITORS: readonly UserRoleName[] = ["platform_admin", "viewer"];
/** Hold subscriptions: developers for themselves, admins and publishers for anyone they manage. */
export const SUBSCRIBERS: readonly UserRoleName[] = ["platform_admin", "api_publisher", "developer"];

export function isConsoleRole(role: UserRoleName): boolean {
  return consoleRoles.includes(role);
}

/** Prisma enum (PLATFORM_ADMIN) <-> API name (platform_admin). */
export const roleToApi = (role: string) => role.toLowerCase() as UserRoleName;
export const roleFromApi = (role: UserRoleName) =>
  role.toUpperCase() as "PLATFORM_ADMIN" | "API_PUBLISHER" | "VIEWER" | "DEVELOPER";
