// Shapes of the management API (app/api/v1) as the UI consumes them.
// Mirrors the documented contract; kept here so client bundles never import server code.

export type UserRole = "platform_admin" | "api_publisher" | "viewer" | "developer";

export type ApiLifecycle = "draft" | "published" | "deprecated" | "retired";
export type ProductState = "draft" | "published";
export type SubscriptionState = "submitted" | "active" | "suspended" | "rejected" | "cancelled" | "expired";

export type Operation = {
  id: string;
  operationId: string | null;
  method: string;
  path: string;
  summary: string;
  tags: string[];
};

export type ApiRevisionSummary = {
  id: string;
  number: number;
  title: string;
  version: string;
  specVersion: string;
};

export type Api = {
  id: string;
  name: string;
  description: string;
  path: string;
  backendUrls: string[];
  lifecycle: ApiLifecycle;
  subscriptionRequired: boolean;
  allowEncodedSlashes: boolean;
  allowWebSockets: boolean;
  subscriptionKeyHeader: string;
  subscriptionKeyQuery: string;
  /** Bearer-token validation the gateway enforces; null (or absent) = none. */
  jwtRequirements?: JwtRequirements | null;
  operationCount: number;
  /** Lint counts of the current revision (null for revisions imported before lint reports). */
  lint?: LintCounts | null;
  currentRevision: ApiRevisionSummary | null;
  /** The version set this API is a version of (null: unversioned), and its version there. */
  versionSet?: Pick<VersionSet, "id" | "name" | "scheme" | "parameterName"> | null;
  versionName?: string | null;
  /** Where clients call it: the path scheme adds the version ("orders/v2"). */
  gatewayPath?: string;
  /** Sent as the Sunset header while deprecated. */
  sunsetAt?: string | null;
  /** The API publisher who owns it (null: created by a platform admin). */
  ownerId?: string | null;
  operations?: Operation[];
  createdAt: string;
  updatedAt: string;
};

/** What the gateway demands of a bearer token (PATCH may omit the defaulted fields). */
export type JwtRequirements = {
  issuer: string;
  audiences: string[];
  jwksUri: string;
  /** All must be in the token's `scope`/`scp`. */
  requiredScopes: string[];
  /** Any one suffices, read from `rolesClaim` (default "realm_access.roles") or `roles`. */
  requiredRoles: string[];
  rolesClaim: string;
  clockToleranceSeconds: number;
  tokenHeader: string;
};

export type QuotaPeriod = "hour" | "day" | "week" | "month";
export type ProductQuota = { calls: number | null; bandwidthBytes: number | null; period: QuotaPeriod };

export type Product = {
  id: string;
  name: string;
  description: string;
  terms: string;
  state: ProductState;
  approvalRequired: boolean;
  subscriptionsLimit: number | null;
  rateLimit: { calls: number; periodSeconds: number } | null;
  quota: ProductQuota | null;
  /** gatewayPath: where clients call the API (a path-scheme version adds a segment). */
  apis: { id: string; name: string; path: string; gatewayPath: string }[];
  /** The API publisher who manages it (null: platform admins only, or nobody in particular). */
  ownerId?: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Subscription = {
  id: string;
  name: string;
  state: SubscriptionState;
  stateComment: string;
  product: { id: string; name: string } | null;
  api: { id: string; name: string; path?: string; gatewayPath?: string } | null;
  /** "api" for a subscription to a single API (created by admins), else "product". */
  scope?: "product" | "api";
  user: { id: string; email: string; name: string } | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SubscriptionKeys = { primaryKey: string; secondaryKey: string };

/** POST /api/v1/subscriptions answers the subscription plus its keys, shown once. */
export type CreatedSubscription = Subscription & SubscriptionKeys;

export type ListResponse<T> = { items: T[] };

export type ImportApiRequest = {
  name: string;
  path: string;
  backendUrl: string;
  /** Exactly one of spec (text) and specUrl (fetched by the server). */
  spec?: string;
  specUrl?: string;
  description?: string;
  lifecycle?: ApiLifecycle;
};

export type LintRuleset = "recommended" | "minimal" | "spec" | "custom";
export type LintCounts = { ruleset: LintRuleset; errors: number; warnings: number };
export type LintProblem = { ruleId: string; severity: "error" | "warn"; message: string; pointer: string };
/** GET /api/v1/apis/{id}/lint, and `lint` of POST /api/v1/apis/validate. */
export type LintReport = LintCounts & { problems: LintProblem[]; truncated?: boolean; revision?: number };

/** POST /api/v1/apis/validate: the import's dry run. */
export type ValidateApiResult = {
  specVersion: string;
  sourceFormat: string;
  title: string;
  version: string;
  operationCount: number;
  lint: LintReport;
};

/** A progress line of an import/validate streamed with Accept: application/x-ndjson. */
export type ImportPhaseEvent = { phase: string; status: "start" | "done"; ms?: number };

/** GET/PATCH /api/v1/settings. */
export type WorkspaceSettings = {
  lint: { ruleset: LintRuleset; customConfig: string | null };
  governance: { requireLintCleanToPublish: boolean };
  import: { allowPrivateUrls: boolean; maxSpecBytes: number; fetchTimeoutMs: number };
};

/** PATCH /api/v1/products/{id}: absent fields stay, null clears a limit. */
export type UpdateProductRequest = {
  name?: string;
  description?: string;
  terms?: string;
  state?: ProductState;
  approvalRequired?: boolean;
  subscriptionsLimit?: number | null;
  rateLimit?: { calls: number; periodSeconds: number } | null;
  quota?: { calls?: number | null; bandwidthBytes?: number | null; period: QuotaPeriod } | null;
  apiIds?: string[];
};

/** POST /api/v1/subscriptions: a product, or (admins) a single API. */
export type CreateSubscriptionRequest = {
  name: string;
  productId?: string;
  apiId?: string;
  userId?: string;
  expiresAt?: string;
  acceptTerms?: boolean;
};

export type CreateProductRequest = {
  name: string;
  description?: string;
  terms?: string;
  apiIds: string[];
  approvalRequired: boolean;
  state: ProductState;
};

/** GET/POST /api/v1/users, PATCH /api/v1/users/{id}. Never carries a password. */
export type ConsoleUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  /** Temporarily locked after repeated wrong passwords (until lockedUntil). */
  locked: boolean;
  lockedUntil: string | null;
  failedLoginAttempts: number;
  lastFailedLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type CreateUserRequest = { email: string; name: string; role: UserRole; password: string };
export type UpdateUserRequest = { name?: string; role?: UserRole; disabled?: boolean; password?: string; unlock?: true };

/** GET /api/v1/tokens: never the secret. */
export type AdminApiToken = {
  id: string;
  name: string;
  role: UserRole;
  prefix: string;
  createdBy: { id: string; email: string; name: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
};

/** POST /api/v1/tokens answers the secret once. */
export type CreatedAdminApiToken = AdminApiToken & { token: string };
export type CreateAdminApiTokenRequest = { name: string; role?: UserRole; expiresAt?: string };

export type AuditEvent = {
  id: string;
  at: string;
  actor: { type: string; id: string | null; label: string };
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** GET /api/v1/audit-events: newest first; pass nextCursor as ?cursor= for the next page. */
export type AuditEventPage = { items: AuditEvent[]; nextCursor: string | null };

/** GET/POST /api/v1/version-sets. parameterName is null for the path scheme. */
export type VersioningScheme = "path" | "header" | "query";
export type VersionSet = {
  id: string;
  name: string;
  description: string;
  scheme: VersioningScheme;
  parameterName: string | null;
  ownerId: string | null;
  apis: { id: string; name: string; versionName: string | null; lifecycle: ApiLifecycle }[];
  createdAt: string;
  updatedAt: string;
};
export type CreateVersionSetRequest = { name: string; scheme: VersioningScheme; parameterName?: string; description?: string };

/** PATCH /api/v1/apis/{id}: absent fields stay, null clears. */
export type UpdateApiRequest = {
  name?: string;
  description?: string;
  backendUrls?: string[];
  subscriptionRequired?: boolean;
  allowEncodedSlashes?: boolean;
  allowWebSockets?: boolean;
  jwtRequirements?: (Pick<JwtRequirements, "issuer" | "audiences" | "jwksUri"> & Partial<JwtRequirements>) | null;
  lifecycle?: ApiLifecycle;
  sunsetAt?: string | null;
  versionSetId?: string | null;
  versionName?: string | null;
};

/** GET /api/v1/apis/{id}/revisions items. */
export type ApiRevision = {
  id: string;
  number: number;
  isCurrent: boolean;
  title: string;
  version: string;
  specVersion: string;
  sourceFormat: string;
  notes: string;
  createdAt: string;
  operationCount: number;
  lint: LintCounts | null;
};

export type DiffOperation = { method: string; path: string; operationId: string | null; summary: string; tags: string[] };
export type OperationsDiff = {
  added: DiffOperation[];
  removed: DiffOperation[];
  changed: { method: string; path: string; before: DiffOperation; after: DiffOperation; fields: string[] }[];
};
/** GET /api/v1/apis/{id}/revisions/{n}/diff */
export type RevisionDiff = OperationsDiff & { revision: number; against: number };
/** POST /api/v1/apis/{id}/revisions: the new revision and its diff against the current one. */
export type CreatedRevision = ApiRevision & { diff: OperationsDiff & { against: number | null } };

/** GET /api/v1/config-delivery: whether every acknowledged change has reached the gateways. */
export type ConfigDelivery = {
  status: "delivered" | "pending" | "failing";
  latestBuiltVersion: number | null;
  /** What Redis holds for the gateways (0: nothing; null: Redis unreachable). */
  storedVersion: number | null;
  deliveredVersion: number | null;
  deliveredAt: string | null;
  pendingSince: string | null;
  pendingReason: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
};
