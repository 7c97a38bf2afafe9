// A delta carries one change of the catalogue to every gateway, so the cost of a
// change follows the change, not the catalogue. Versions are shared with snapshots
// (one sequence, GatewayConfigRevision): a gateway at version v applies the delta
// v+1 only, never an older state over a newer one, and resyncs from the latest
// snapshot when it finds a gap it cannot fill from the delta log.
import { z } from "zod";
import { gatewayTlsCertificateSchema } from "./api-tls.ts";
import { gatewayApiSchema, gatewayProductSchema, gatewaySubscriptionSchema, keyHashSchema } from "./config-snapshot.ts";
import { gatewayDenialSchema } from "./gateway-denial.ts";
import { gatewayDefaultsSchema } from "./scope-policy.ts";

const id = z.string().min(1);

// config-snapshot.ts re-exports this module, so the schemas imported from it are
// read lazily (getters): whichever of the two is loaded first, they exist by the time a delta is parsed.

let apiFieldsSchema: ReturnType<typeof gatewayApiSchema.omit<{ operations: true }>> | undefined;
/** An API without its operations: what api.fieldsReplaced carries (built once, on first use). */
const gatewayApiFieldsSchema = () => (apiFieldsSchema ??= gatewayApiSchema.omit({ operations: true }));

export const gatewayConfigChangeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("api.upserted"),
    get api() {
      return gatewayApiSchema;
    },
  }),
  /**
   * Every field of an API except its operations, which stay as the gateway holds them: a rename
   * or a settings change of a large API travels without its operation list. Sent only for an API
   * already on the gateways whose operations the change leaves alone. A gateway that does not
   * hold the API yet ignores it: the API's publish, whole and newer, is then still to come.
   */
  z.object({
    kind: z.literal("api.fieldsReplaced"),
    get api() {
      return gatewayApiFieldsSchema();
    },
  }),
  z.object({ kind: z.literal("api.removed"), id }),
  z.object({
    kind: z.literal("product.upserted"),
    get product() {
      return gatewayProductSchema;
    },
  }),
  z.object({ kind: z.literal("product.removed"), id }),
  z.object({
    kind: z.literal("subscription.upserted"),
    get subscription() {
      return gatewaySubscriptionSchema;
    },
  }),
  /** `keyHashes` lets a gateway drop the keys without looking the subscription up. */
  z.object({
    kind: z.literal("subscription.removed"),
    id,
    get keyHashes() {
      return z.array(keyHashSchema);
    },
  }),
  /** Absent `defaults`: the workspace sets none. */
  z.object({ kind: z.literal("defaults.replaced"), defaults: gatewayDefaultsSchema.optional() }),
  z.object({ kind: z.literal("gatewayTls.replaced"), gatewayTls: gatewayTlsCertificateSchema.nullable() }),
  z.object({ kind: z.literal("denial.upserted"), denial: gatewayDenialSchema }),
  z.object({ kind: z.literal("denial.removed"), denial: gatewayDenialSchema.pick({ kind: true, issuer: true, value: true }) }),
]);
export type GatewayConfigChange = z.infer<typeof gatewayConfigChangeSchema>;

export const gatewayConfigDeltaSchema = z.object({
  /** Applies on top of version - 1 exactly. */
  version: z.number().int().positive(),
  generatedAt: z.string().datetime(),
  /** Why (the audit action or job), for logs. */
  reason: z.string().max(500),
  /** Applied in order, all or nothing: a gateway never serves half a delta. */
  changes: z.array(gatewayConfigChangeSchema).min(1),
});
export type GatewayConfigDelta = z.infer<typeof gatewayConfigDeltaSchema>;

/** Broadcast on the channel's event stream for each delta; the payload is inline so most gateways need no read. */
export const configDeltaEventSchema = z.object({
  version: z.coerce.number().int().positive(),
  /** JSON of a GatewayConfigDelta. */
  delta: z.string(),
});

/**
 * Redis layout of the deltas, beside configChannelNames' latestKey (the compacted snapshot):
 * a sorted set scored by version whose members are delta JSON, trimmed by the compactor to
 * the deltas newer than a retained snapshot; `deltaEventName` on the same BullMQ event stream.
 */
export function configDeltaNames(prefix: string) {
  return {
    deltasKey: `${prefix}:gateway-config:deltas`,
    deltaEventName: "config-delta",
  } as const;
}
