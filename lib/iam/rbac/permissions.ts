// What each role may do at all: the one table the route handlers (through
// route-permissions.ts), the OpenAPI document and the console read. Ownership narrows
// it afterwards (lib/iam/permissions.ts: a publisher writes only the APIs it owns).
//
// A new resource (realms, clients, analytics, gateways, ...) adds its own
// "<resource>.<action>" rows here and its routes name them; never a new role list.
// A role gains or loses a power by editing a row, and every route, document and
// console control that names the permission follows.
import { userRoles, type UserRoleName } from "../roles";

export const permissionRoles = {
  "apis.read": ["platform_admin", "api_publisher", "viewer", "developer"],
  "apis.write": ["platform_admin", "api_publisher"],
  /** An API's revisions, their diffs and lint reports; adding one or making one current is apis.write. */
  "revisions.read": ["platform_admin", "api_publisher", "viewer"],
  /**
   * The gateway rules and limits of an API's operations and what is in force where (IP lists,
   * header rules): console roles only. Setting them is apis.write, on APIs the caller may manage.
   */
  "gateway-policies.read": ["platform_admin", "api_publisher", "viewer"],
  "version-sets.read": ["platform_admin", "api_publisher", "viewer"],
  "version-sets.write": ["platform_admin", "api_publisher"],
  /** Developers see only published products (the service filters). */
  "products.read": ["platform_admin", "api_publisher", "viewer", "developer"],
  "products.write": ["platform_admin", "api_publisher"],
  /** Developers see only their own subscriptions (the service filters). */
  "subscriptions.read": ["platform_admin", "api_publisher", "viewer", "developer"],
  /** Subscribe, change a state, regenerate a key; developers only cancel their own. */
  "subscriptions.write": ["platform_admin", "api_publisher", "developer"],
  /** Decide on others' subscriptions (approve, reject, suspend) and subscribe on their behalf. */
  "subscriptions.approve": ["platform_admin", "api_publisher"],
  /** See a subscription's keys again: its owner, or a platform admin. */
  "subscription-keys.read": ["platform_admin", "api_publisher", "developer"],
  /** Who am I: every signed-in caller. */
  "profile.read": ["platform_admin", "api_publisher", "viewer", "developer"],
  /** One's own preferences (the colour scheme): every signed-in user. */
  "profile.write": ["platform_admin", "api_publisher", "viewer", "developer"],
  /** One's own second factors (TOTP, passkeys) and recovery codes: every signed-in user. Resetting someone else's is users.manage / realms.manage. */
  "mfa.self": ["platform_admin", "api_publisher", "viewer", "developer"],
  /**
   * One's own apps in the portal (OAuth clients in the portal's realm: register, rotate, token, delete) and
   * binding them to one's own subscriptions: whoever may subscribe. Strictly one's own (others' ids: 404);
   * admins see every app as a realm client (realms.read).
   */
  "apps.self": ["platform_admin", "api_publisher", "developer"],
  /** Delete one's own account (its subscriptions are cancelled): developers; console users are removed by an admin. */
  "account.delete": ["developer"],
  "users.read": ["platform_admin", "viewer"],
  "users.manage": ["platform_admin"],
  "tokens.manage": ["platform_admin"],
  "audit.read": ["platform_admin", "viewer"],
  "settings.read": ["platform_admin", "api_publisher", "viewer"],
  "settings.write": ["platform_admin"],
  /** Whether the gateways hold the latest configuration. */
  "config.read": ["platform_admin", "api_publisher", "viewer"],
  /** The running gateway instances: versions, config versions, heartbeats, request rates. */
  "gateways.read": ["platform_admin", "api_publisher", "viewer"],
  /** The certificate the gateways' HTTPS listeners present (never its key). */
  "gateway-tls.read": ["platform_admin", "viewer"],
  /** Set or remove it: it decides what every client of every API trusts. */
  "gateway-tls.write": ["platform_admin"],
  /** IAM realms (OpenID Connect issuers) and what is in them: roles, groups, users, clients, keys. Publishers read them to bind APIs. */
  "realms.read": ["platform_admin", "api_publisher", "viewer"],
  /** Create, change and delete realms and their contents, rotate keys and client secrets. */
  "realms.manage": ["platform_admin"],
  /** Request analytics (series, top lists, request log); developers read only their own subscriptions' (the service filters). */
  "analytics.read": ["platform_admin", "api_publisher", "viewer", "developer"],
  /** Prometheus metrics at /api/metrics. */
  "metrics.read": ["platform_admin"],
} as const satisfies Record<string, readonly UserRoleName[]>;

export type Permission = keyof typeof permissionRoles;

export const allPermissions = Object.keys(permissionRoles) as Permission[];

export function hasPermission(role: UserRoleName, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly UserRoleName[]).includes(role);
}

/** In userRoles order, so documents list roles the same way whatever order a row uses. */
export function rolesWith(permission: Permission): UserRoleName[] {
  return userRoles.filter((role) => hasPermission(role, permission));
}

/** What the console passes to client components, which must not import this table. */
export function permissionsOf(role: UserRoleName): Permission[] {
  return allPermissions.filter((permission) => hasPermission(role, permission));
}
