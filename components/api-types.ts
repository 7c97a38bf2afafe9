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
  subscriptionKeyHeader: string;
  subscriptionKeyQuery: string;
  operationCount: number;
  currentRevision: ApiRevisionSummary | null;
  operations?: Operation[];
  createdAt: string;
  updatedAt: string;
};

export type Product = {
  id: string;
  name: string;
  description: string;
  terms: string;
  state: ProductState;
  approvalRequired: boolean;
  subscriptionsLimit: number | null;
  rateLimit: { calls: number; periodSeconds: number } | null;
  quota: Record<string, unknown> | null;
  apis: { id: string; name: string; path: string }[];
  createdAt: string;
  updatedAt: string;
};

export type Subscription = {
  id: string;
  name: string;
  state: SubscriptionState;
  stateComment: string;
  product: { id: string; name: string } | null;
  api: { id: string; name: string } | null;
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
  spec: string;
  description?: string;
};

export type CreateProductRequest = {
  name: string;
  description?: string;
  apiIds: string[];
  approvalRequired: boolean;
  state: ProductState;
};
