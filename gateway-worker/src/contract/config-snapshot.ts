// The one contract between the console and every gateway: the configuration
// snapshot, and where it travels. Both sides import this file; change it here.
import { z } from "zod";
import { jwtAlgorithmsSchema } from "./jwt-algorithms.ts";
import { operationValidationSchema } from "./request-rules.ts";
import { gatewayDefaultsSchema, scopePolicySchema } from "./scope-policy.ts";
import { backendSettingsSchema } from "./backend-settings.ts";
import { apiTlsSchema, gatewayTlsCertificateSchema } from "./api-tls.ts";
import { gatewayDenialSchema } from "./gateway-denial.ts";

export * from "./scope-policy.ts";
export * from "./effective-policy.ts";
export * from "./limit-counters.ts";
export * from "./request-rules.ts";
export * from "./jwt-algorithms.ts";
export * from "./backend-settings.ts";
export * from "./api-tls.ts";
export * from "./sealed-secret-format.ts";
export * from "./gateway-denial.ts";
export * from "./config-delta.ts";

/** sha256(key) as 64 lowercase hex characters; keys never travel in clear (see subscription-key-hash.ts). */
export const keyHashSchema = z.string().regex(/^[0-9a-f]{64}$/, "sha256 hex");

export const apiLifecycleSchema = z.enum(["draft", "published", "deprecated", "retired"]);

export const backendSchema = z.object({
  /** Only http(s): the gateway proxies HTTP, and any other scheme would be silently sent as plain http. */
  url: z
    .url({ protocol: /^https?$/, message: "http(s) URL" })
    .describe("Backend base URL; the request path below the API path is appended"),
  weight: z.number().int().min(1).default(1),
});

/** Answered by the gateway itself (GET /healthz: live, /readyz: ready), so no API may take them as its path. */
export const GATEWAY_RESERVED_PATHS = ["healthz", "readyz"] as const;
export const DEFAULT_SUBSCRIPTION_KEY_HEADER = "Ocp-Apim-Subscription-Key";
export const DEFAULT_SUBSCRIPTION_KEY_QUERY = "subscription-key";

/**
 * One operation of the API's current revision. `path` is the OpenAPI path
 * template below the API path ("/orders/{orderId}"); real specs are messy, so
 * it is kept as written and normalised by the gateway when it compiles matchers.
 */
export const gatewayOperationSchema = z.object({
  method: z.string().min(1),
  path: z.string(),
  /** Rules and limits set on this operation (most specific scope). */
  policy: scopePolicySchema.optional(),
  /** Parameter and JSON body schemas, for request validation (request-rules.ts). */
  validation: operationValidationSchema.optional(),
});

export const DEFAULT_JWT_ROLES_CLAIM = "realm_access.roles";
export const DEFAULT_JWT_TOKEN_HEADER = "Authorization";

const httpUrl = () => z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000);

/** Signing keys decide who gets in: only https, except a local issuer during development. */
function isHttpsOrLoopback(raw: string): boolean {
  const url = new URL(raw);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

const jwksUriSchema = () =>
  httpUrl().refine(
    isHttpsOrLoopback,
    "must be https: keys fetched over plain http can be swapped in transit (http is allowed only on loopback, for development)",
  );
const audiencesSchema = () => z.array(z.string().trim().min(1).max(500)).min(1).max(20);
const claimPathSchema = () => z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, "a dot-separated claim path").max(200);

/** A claim value of an identity provider's token that grants a role: an array claim matches when it contains `value`. */
export const gatewayRoleMappingSchema = z.object({
  claim: claimPathSchema().describe("Dot path of the claim in the provider's token"),
  value: z.string().min(1).max(500),
  role: z.string().trim().min(1).max(200).describe("The role the token then holds, for requiredRoles"),
});

/**
 * Another issuer an API trusts (an identity provider of the API's realm): picked by the token's
 * `iss`, verified with this issuer's keys only, checked against its own audiences. Its tokens hold
 * the roles its mappings grant, never role names of its own.
 */
export const gatewayTrustedIssuerSchema = z.object({
  issuer: httpUrl().describe("Its `iss`, compared exactly"),
  jwksUri: jwksUriSchema(),
  audiences: audiencesSchema().describe("The token's `aud` must include one of them"),
  roleMappings: z.array(gatewayRoleMappingSchema).max(100).default([]),
});

/**
 * Bearer-token validation for one API, and every constraint on it: the console's
 * input (lib/apis/jwt-requirements-schema.ts) derives from this schema, adding only
 * descriptions. Nothing secret: the gateway fetches the issuer's public keys from jwksUri.
 */
export const gatewayJwtSchema = z.object({
  issuer: httpUrl().describe("Expected `iss`, compared exactly"),
  audiences: audiencesSchema().describe("The token's `aud` must include one of them"),
  jwksUri: jwksUriSchema(),
  // RFC 6749 scope-token: printable ASCII without space, '"' or '\' (so it fits a WWW-Authenticate header).
  requiredScopes: z
    .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,200}$/, "a scope is printable ASCII without spaces, quotes or backslashes"))
    .max(50)
    .default([])
    .describe("All of them, from `scope` or `scp`"),
  requiredRoles: z.array(z.string().trim().min(1).max(200)).max(50).default([]).describe("Any of them, from `rolesClaim` or `roles`"),
  rolesClaim: z
    .string()
    .regex(/^[^.\s]+(\.[^.\s]+)*$/, "a dot-separated claim path")
    .max(200)
    .default(DEFAULT_JWT_ROLES_CLAIM)
    .describe("Dot path of the roles claim"),
  clockToleranceSeconds: z.number().int().min(0).max(600).default(30),
  // RFC 9110 token, the characters of a header name.
  tokenHeader: z
    .string()
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, "a header name")
    .default(DEFAULT_JWT_TOKEN_HEADER)
    .describe("Carries `Bearer <token>`"),
  /** Checked against the token's header before any key lookup (see jwt-algorithms.ts). */
  algorithms: jwtAlgorithmsSchema.describe("Accepted signing algorithms (asymmetric only)"),
  /** Federation: further issuers, each with its own keys; `iss` picks one, any other issuer is refused unfetched. */
  identityProviders: z
    .array(gatewayTrustedIssuerSchema)
    .max(50)
    .refine((list) => new Set(list.map((p) => p.issuer)).size === list.length, "each issuer at most once")
    .optional(),
  /** Its issuer (a disabled realm) vouches for nothing: every token is refused (token_revoked), no key fetched. */
  issuerDisabled: z.literal(true).optional(),
});

/**
 * Header/query versioning (Azure's version sets): the APIs of one set share a
 * path and the gateway picks one by this parameter. Path versioning needs no
 * field: the console folds the version into `path` ("orders/v2").
 */
export const gatewayVersioningSchema = z.object({
  versionSetId: z.string().min(1),
  scheme: z.enum(["header", "query"]),
  parameterName: z.string().min(1),
  version: z.string().min(1),
});

export const gatewayApiSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /**
   * Base path without slashes, e.g. "demo" serves /demo and /demo/...
   * Empty, "." and ".." segments are refused: request paths are normalised
   * before matching, so such an API could never be reached.
   */
  path: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9._~\-/]+$/)
    .refine((p) => !p.startsWith("/") && !p.endsWith("/"), "no leading or trailing slash")
    .refine((p) => p.split("/").every((s) => s !== "" && s !== "." && s !== ".."), "no empty, '.' or '..' segment")
    .refine((p) => !(GATEWAY_RESERVED_PATHS as readonly string[]).includes(p), "reserved by the gateway"),
  lifecycle: apiLifecycleSchema,
  backends: z.array(backendSchema).min(1),
  /** Health checks, ejection, retries, breaker, timeouts and TLS towards `backends`; absent: defaults. */
  backendSettings: backendSettingsSchema.optional(),
  subscription: z.object({
    required: z.boolean(),
    /** Header carrying the key; matched case-insensitively, as HTTP header names are. */
    header: z.string().min(1).default(DEFAULT_SUBSCRIPTION_KEY_HEADER),
    /** Query parameter carrying the key when the header is absent; matched exactly. */
    query: z.string().min(1).default(DEFAULT_SUBSCRIPTION_KEY_QUERY),
  }),
  /** Absent: every request below the path is forwarded (snapshots from before revisions). */
  operations: z.array(gatewayOperationSchema).optional(),
  /** Announced in the Sunset header (RFC 8594) while the API is deprecated. */
  sunsetAt: z.string().datetime().nullable().optional(),
  versioning: gatewayVersioningSchema.optional(),
  /** Absent or null: no bearer token is required. */
  jwt: gatewayJwtSchema.nullable().optional(),
  /**
   * Accept %2F and %5C inside path segments (e.g. ids that contain slashes).
   * Off by default: a backend that decodes them would see a different path than
   * the gateway matched. Dot segments are refused whatever this says.
   */
  allowEncodedSlashes: z.boolean().optional(),
  /** Proxy WebSocket upgrades (GET operations); off by default, refused with 501. */
  allowWebSockets: z.boolean().optional(),
  /** Rules and limits set on this API (see scope-policy.ts for how scopes combine). */
  policy: scopePolicySchema.optional(),
  /** Mutual TLS, redirect from http and HSTS for this API (api-tls.ts); absent: none of them. */
  tls: apiTlsSchema.optional(),
});

export const gatewayProductSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  apiIds: z.array(z.string()),
  rateLimit: z.object({ calls: z.number().int().positive(), periodSeconds: z.number().int().positive() }).nullable(),
  quota: z
    .object({
      calls: z.number().int().positive().nullable(),
      bandwidthBytes: z.number().int().positive().nullable(),
      period: z.enum(["hour", "day", "week", "month"]),
    })
    .nullable(),
  /** Rules and limits set on the product beyond rateLimit/quota (which stay top-level, as in the management API). */
  policy: scopePolicySchema.optional(),
});

/** Only subscriptions whose keys can still be presented are sent (not cancelled/rejected). */
export const gatewaySubscriptionSchema = z.object({
  id: z.string().min(1),
  state: z.enum(["submitted", "active", "suspended", "expired"]),
  productId: z.string().nullable(),
  apiId: z.string().nullable(),
  keyHashes: z.array(keyHashSchema).min(1),
  expiresAt: z.string().datetime().nullable(),
  /**
   * The developer's app bound to the subscription (portal My apps): where the API also validates a
   * JWT, the key is accepted only with a token issued to this client (`azp` or `client_id`),
   * else 403 client_not_bound. Absent: any client's token.
   */
  boundClientId: z.string().min(1).max(200).optional(),
});

export const gatewayConfigSnapshotSchema = z
  .object({
    version: z.number().int().positive(),
    generatedAt: z.string().datetime(),
    /** Workspace-wide defaults, the widest scope. */
    defaults: gatewayDefaultsSchema.optional(),
    /** The HTTPS listener's certificate set in the console; absent or null: the gateway's own files. */
    gatewayTls: gatewayTlsCertificateSchema.nullable().optional(),
    apis: z.array(gatewayApiSchema),
    products: z.array(gatewayProductSchema),
    subscriptions: z.array(gatewaySubscriptionSchema),
    /** Revoked tokens, disabled clients and users of realms, refused by the JWT check. */
    denials: z.array(gatewayDenialSchema).optional(),
  })
  // Ambiguity would make the gateway's answer depend on array order, so a
  // snapshot with duplicates is refused as a whole (the gateway keeps the old one).
  .superRefine((snapshot, ctx) => {
    const reportDuplicates = (values: string[], path: (i: number) => PropertyKey[], what: string) => {
      const seen = new Set<string>();
      values.forEach((value, i) => {
        if (seen.has(value)) ctx.addIssue({ code: "custom", path: path(i), message: `duplicate ${what} "${value}"` });
        seen.add(value);
      });
    };
    reportDuplicates(snapshot.apis.map((a) => a.id), (i) => ["apis", i, "id"], "API id");
    reportSharedPaths(snapshot.apis, ctx);
    reportDuplicates(snapshot.products.map((p) => p.id), (i) => ["products", i, "id"], "product id");
    reportDuplicates(snapshot.subscriptions.map((s) => s.id), (i) => ["subscriptions", i, "id"], "subscription id");
    // One key identifies one subscription; a repeat inside the same subscription is harmless.
    const keyOwner = new Map<string, string>();
    snapshot.subscriptions.forEach((s, i) => {
      for (const hash of s.keyHashes) {
        const owner = keyOwner.get(hash);
        if (owner !== undefined && owner !== s.id) {
          ctx.addIssue({ code: "custom", path: ["subscriptions", i, "keyHashes"], message: `key hash shared with subscription "${owner}"` });
        }
        keyOwner.set(hash, s.id);
      }
    });
  });

/**
 * Two APIs may share a path only as versions of one header/query version set
 * (same parameter, distinct versions); any other sharing is ambiguous.
 */
function reportSharedPaths(apis: readonly z.infer<typeof gatewayApiSchema>[], ctx: z.RefinementCtx) {
  const firstByPath = new Map<string, z.infer<typeof gatewayApiSchema>>();
  const versionsByPath = new Map<string, Set<string>>();
  apis.forEach((api, i) => {
    const first = firstByPath.get(api.path);
    if (!first) {
      firstByPath.set(api.path, api);
      versionsByPath.set(api.path, new Set(api.versioning ? [api.versioning.version] : []));
      return;
    }
    const [a, b] = [first.versioning, api.versioning];
    const sameSet = a && b && a.versionSetId === b.versionSetId && a.scheme === b.scheme && a.parameterName === b.parameterName;
    const versions = versionsByPath.get(api.path)!;
    if (!sameSet || versions.has(b.version)) {
      ctx.addIssue({ code: "custom", path: ["apis", i, "path"], message: `duplicate API path "${api.path}"` });
      return;
    }
    versions.add(b.version);
  });
}

export type GatewayConfigSnapshot = z.infer<typeof gatewayConfigSnapshotSchema>;
export type GatewayApi = z.infer<typeof gatewayApiSchema>;
export type GatewayProduct = z.infer<typeof gatewayProductSchema>;
export type GatewaySubscription = z.infer<typeof gatewaySubscriptionSchema>;
export type GatewayOperation = z.infer<typeof gatewayOperationSchema>;
export type GatewayVersioning = z.infer<typeof gatewayVersioningSchema>;
export type GatewayJwt = z.infer<typeof gatewayJwtSchema>;

/** The notification broadcast to every gateway when a new snapshot is stored. */
export const configPublishedEventSchema = z.object({
  version: z.coerce.number().int().positive(),
});

/**
 * Where the snapshot lives in Redis. A BullMQ job would be taken by a single
 * worker, but every gateway must see every change, so the console stores the
 * latest snapshot under `latestKey` (read at cold start) and broadcasts a
 * `config-published` event with QueueEventsProducer on `queueName`, which
 * every gateway's QueueEvents listener receives.
 */
export function configChannelNames(prefix: string) {
  return {
    queueName: "gateway-config",
    bullPrefix: prefix,
    latestKey: `${prefix}:gateway-config:latest`,
    eventName: "config-published",
  } as const;
}
