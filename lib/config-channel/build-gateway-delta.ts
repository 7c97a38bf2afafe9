// Turns change references into the changes of a delta, read with the snapshot's own
// per-entity builders: an entity still on the gateway is upserted with the shape a snapshot
// would give it; one that no longer belongs there (deleted, a draft, a cancelled or rejected
// subscription) is removed. Literal changes (revocations) pass through as they are. An API whose
// change leaves its operations alone is sent without them (api.fieldsReplaced): a rename of a
// 1,223-operation API reads, validates and broadcasts a few hundred bytes, not its operation list.
import { z } from "zod";
import type { DbTransaction } from "@/lib/db";
import { gatewayTlsForSnapshot } from "@/lib/gateway-tls/gateway-tls-for-snapshot";
import { gatewayConfigChangeSchema, type GatewayConfigChange } from "./contract";
import { buildGatewayApiFields, buildGatewayApis } from "./entities/gateway-apis";
import { buildGatewayDefaults, definedDefaults } from "./entities/gateway-defaults";
import { buildGatewayProducts } from "./entities/gateway-products";
import { isOnGateway, readSubscriptionRows, toGatewaySubscription } from "./entities/gateway-subscriptions";

export type GatewayEntityRef =
  | { kind: "api"; id: string }
  /**
   * An API already on the gateways whose operations this change leaves as they are there
   * (api-change-refs.ts decides): only its other fields are read and sent.
   */
  | { kind: "apiFields"; id: string }
  | { kind: "product"; id: string }
  | { kind: "subscription"; id: string }
  | { kind: "defaults" }
  | { kind: "gatewayTls" };

/** What a change touched: an entity to read now, or a change spelled out by the caller. */
export type GatewayChangeRef = GatewayEntityRef | GatewayConfigChange;

const changesSchema = z.array(gatewayConfigChangeSchema).min(1);

function isEntityRef(ref: GatewayChangeRef): ref is GatewayEntityRef {
  return !ref.kind.includes(".");
}

const refKey = (ref: GatewayEntityRef) => ("id" in ref ? `${ref.kind}:${ref.id}` : ref.kind);

/**
 * Each entity once, where it was first named; literal changes keep their place. An API's fields
 * are dropped when the API is sent whole anyway.
 */
export function distinctRefs(refs: readonly GatewayChangeRef[]): GatewayChangeRef[] {
  const seen = new Set<string>();
  const wholeApis = new Set(idsOf(refs, "api"));
  return refs.filter((ref) => {
    if (!isEntityRef(ref)) return true;
    if (ref.kind === "apiFields" && wholeApis.has(ref.id)) return false;
    const key = refKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const idsOf = (refs: readonly GatewayChangeRef[], kind: "api" | "apiFields" | "product" | "subscription") =>
  refs.flatMap((r) => (r.kind === kind && "id" in r ? [r.id] : []));

/** Call under the version lock, so what it reads is newer than every lower version's reads. */
export async function buildGatewayChanges(tx: DbTransaction, refs: readonly GatewayChangeRef[]): Promise<GatewayConfigChange[]> {
  const [apiIds, apiFieldIds] = [idsOf(refs, "api"), idsOf(refs, "apiFields")];
  const [productIds, subscriptionIds] = [idsOf(refs, "product"), idsOf(refs, "subscription")];
  const wants = (kind: string) => refs.some((r) => r.kind === kind);
  const defaults = apiIds.length > 0 || wants("defaults") ? await buildGatewayDefaults(tx) : {};
  const [apis, apiFields, products, subscriptions, gatewayTls] = await Promise.all([
    apiIds.length > 0 ? buildGatewayApis(tx, { id: { in: apiIds } }, { defaults }) : [],
    apiFieldIds.length > 0 ? buildGatewayApiFields(tx, { id: { in: apiFieldIds } }) : [],
    productIds.length > 0 ? buildGatewayProducts(tx, { id: { in: productIds } }).then((p) => p.products) : [],
    subscriptionIds.length > 0 ? readSubscriptionRows(tx, { id: { in: subscriptionIds } }) : [],
    wants("gatewayTls") ? gatewayTlsForSnapshot(tx) : null,
  ]);
  const apiById = new Map(apis.map((a) => [a.id, a]));
  const apiFieldsById = new Map(apiFields.map((a) => [a.id, a]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const subscriptionById = new Map(subscriptions.map((s) => [s.id, s]));

  const changes = refs.map((ref): unknown => {
    switch (ref.kind) {
      case "api": {
        const api = apiById.get(ref.id);
        return api ? { kind: "api.upserted", api } : { kind: "api.removed", id: ref.id };
      }
      case "apiFields": {
        const api = apiFieldsById.get(ref.id);
        return api ? { kind: "api.fieldsReplaced", api } : { kind: "api.removed", id: ref.id };
      }
      case "product": {
        const product = productById.get(ref.id);
        return product ? { kind: "product.upserted", product } : { kind: "product.removed", id: ref.id };
      }
      case "subscription": {
        const row = subscriptionById.get(ref.id);
        if (row && isOnGateway(row.state)) return { kind: "subscription.upserted", subscription: toGatewaySubscription(row) };
        // A deleted row's hashes are gone: the gateway finds its keys by the id.
        return { kind: "subscription.removed", id: ref.id, keyHashes: row ? [row.primaryKeyHash, row.secondaryKeyHash] : [] };
      }
      case "defaults": {
        const policy = definedDefaults(defaults);
        return policy ? { kind: "defaults.replaced", defaults: policy } : { kind: "defaults.replaced" };
      }
      case "gatewayTls":
        return { kind: "gatewayTls.replaced", gatewayTls };
      default:
        return ref;
    }
  });
  return changesSchema.parse(changes);
}
