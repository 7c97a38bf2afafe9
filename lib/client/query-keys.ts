// react-query cache keys, one tree per resource: `all` is the prefix every key of the
// resource starts with, so one invalidation reaches the lists, the details and what hangs
// under a detail (an API's lint report, revisions and diffs) on every page at once.

export type SubscriptionFilters = { state?: string; productId?: string; apiId?: string; userId?: string; search?: string };
export type ApiFilters = { search?: string; path?: string; lifecycle?: string; tag?: string };
export type ProductFilters = { search?: string; state?: string };
export type UserFilters = { search?: string; email?: string; name?: string; role?: string };
export type TokenFilters = { search?: string };
export type AuditFilters = Record<string, string>;
/**
 * Analytics filters as the query string carries them (lib/analytics/analytics-schemas.ts).
 * `lastMs` stands for a moving range ("the last 15 minutes"): the hook turns it into
 * from/to when it fetches, so an auto-refresh keeps one cache entry instead of a new
 * key per tick. Explicit `from`/`to` win over it.
 */
export type AnalyticsFilters = {
  from?: string;
  to?: string;
  lastMs?: number;
  apiId?: string;
  operation?: string;
  productId?: string;
  subscriptionId?: string;
  userId?: string;
  gatewayId?: string;
};

/** Unset filters are left out, so `{}` and `{ state: undefined }` share one cache entry. */
function setOnly<T extends Record<string, string | number | undefined>>(filters: T): Partial<T> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as Partial<T>;
}

const apiDetail = (id: string) => ["apis", "detail", id] as const;

export const queryKeys = {
  apis: {
    all: ["apis"] as const,
    /** Without filters: the prefix of every filtered list (invalidating it reaches them all). */
    list: (filters: ApiFilters = {}) => ["apis", "list", setOnly(filters)] as const,
    detail: apiDetail,
    lint: (id: string, revision?: number) => [...apiDetail(id), "lint", revision ?? "current"] as const,
    revisions: (id: string) => [...apiDetail(id), "revisions"] as const,
    revisionDiff: (id: string, number: number) => [...apiDetail(id), "revisions", number, "diff"] as const,
    operationPolicies: (id: string) => [...apiDetail(id), "operation-policies"] as const,
    /** Under the detail: a change to the API (or one of its operations) refetches it. */
    effectivePolicy: (id: string, method: string, path: string, productId?: string) =>
      [...apiDetail(id), "effective-policy", method, path, productId ?? "none"] as const,
  },
  versionSets: {
    all: ["version-sets"] as const,
    list: (filters: { search?: string } = {}) => ["version-sets", "list", setOnly(filters)] as const,
  },
  products: {
    all: ["products"] as const,
    list: (filters: ProductFilters = {}) => ["products", "list", setOnly(filters)] as const,
    detail: (id: string) => ["products", "detail", id] as const,
  },
  subscriptions: {
    all: ["subscriptions"] as const,
    list: (filters: SubscriptionFilters = {}) => ["subscriptions", "list", setOnly(filters)] as const,
    keys: (id: string) => ["subscriptions", "keys", id] as const,
    usage: (id: string) => ["subscriptions", "usage", id] as const,
    detail: (id: string) => ["subscriptions", "detail", id] as const,
  },
  users: {
    all: ["users"] as const,
    list: (filters: UserFilters = {}) => ["users", "list", setOnly(filters)] as const,
    detail: (id: string) => ["users", "detail", id] as const,
  },
  tokens: {
    all: ["tokens"] as const,
    list: (filters: TokenFilters = {}) => ["tokens", "list", setOnly(filters)] as const,
  },
  auditEvents: {
    all: ["audit-events"] as const,
    list: (filters: AuditFilters) => ["audit-events", "list", setOnly(filters)] as const,
  },
  settings: ["settings"] as const,
  gatewayTls: ["gateway-tls"] as const,
  configDelivery: ["config-delivery"] as const,
  gateways: ["gateways"] as const,
  analytics: {
    all: ["analytics"] as const,
    series: (filters: AnalyticsFilters & { interval?: string }) => ["analytics", "series", setOnly(filters)] as const,
    top: (dimension: string, filters: AnalyticsFilters & { limit?: number }) => ["analytics", "top", dimension, setOnly(filters)] as const,
    log: (filters: Record<string, string | number | undefined>) => ["analytics", "log", setOnly(filters)] as const,
  },
  realms: {
    all: ["realms"] as const,
    list: () => ["realms", "list"] as const,
    detail: (name: string) => ["realms", "detail", name] as const,
    part: (name: string, part: "roles" | "groups" | "users" | "clients" | "keys") => ["realms", "detail", name, part] as const,
  },
};
