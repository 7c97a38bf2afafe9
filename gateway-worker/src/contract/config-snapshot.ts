// The one contract between the console and every gateway: the configuration
// snapshot, and where it travels. Both sides import this file; change it here.
import { z } from "zod";

/** sha256(key) as 64 lowercase hex characters; keys never travel in clear. */
export const keyHashSchema = z.string().regex(/^[0-9a-f]{64}$/, "sha256 hex");

export const apiLifecycleSchema = z.enum(["draft", "published", "deprecated", "retired"]);

export const backendSchema = z.object({
  url: z.string().url().describe("Backend base URL; the request path below the API path is appended"),
  weight: z.number().int().min(1).default(1),
});

export const gatewayApiSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** Base path without slashes, e.g. "demo" serves /demo and /demo/... */
  path: z.string().min(1).regex(/^[A-Za-z0-9._~\-/]+$/).refine((p) => !p.startsWith("/") && !p.endsWith("/"), "no leading or trailing slash"),
  lifecycle: apiLifecycleSchema,
  backends: z.array(backendSchema).min(1),
  subscription: z.object({
    required: z.boolean(),
    header: z.string().min(1),
    query: z.string().min(1),
  }),
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
});

/** Only subscriptions whose keys can still be presented are sent (not cancelled/rejected). */
export const gatewaySubscriptionSchema = z.object({
  id: z.string().min(1),
  state: z.enum(["submitted", "active", "suspended", "expired"]),
  productId: z.string().nullable(),
  apiId: z.string().nullable(),
  keyHashes: z.array(keyHashSchema).min(1),
  expiresAt: z.string().datetime().nullable(),
});

export const gatewayConfigSnapshotSchema = z.object({
  version: z.number().int().positive(),
  generatedAt: z.string().datetime(),
  apis: z.array(gatewayApiSchema),
  products: z.array(gatewayProductSchema),
  subscriptions: z.array(gatewaySubscriptionSchema),
});

export type GatewayConfigSnapshot = z.infer<typeof gatewayConfigSnapshotSchema>;
export type GatewayApi = z.infer<typeof gatewayApiSchema>;
export type GatewayProduct = z.infer<typeof gatewayProductSchema>;
export type GatewaySubscription = z.infer<typeof gatewaySubscriptionSchema>;

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
