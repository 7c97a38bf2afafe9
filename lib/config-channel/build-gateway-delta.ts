// Turns change references into the changes of a delta, read with the snapshot's own
// per-entity builders: an entity still on the gateway is upserted with the shape a snapshot
// would give it; one that no longer belongs there (deleted, a draft, a cancelled or rejected
// subscription) is removed. Literal changes (revocations) pass through as they are.
import { z } from "zod";
import type { DbTransaction } from "@/lib/db";
import { gatewayTlsForSnapshot } from "@/lib/gateway-tls/gateway-tls-for-snapshot";
import { gatewayConfigChangeSchema, type GatewayConfigChange } from "./contract";
import { buildGatewayApis } from "./entities/gateway-apis";
import { buildGatewayDefaults, definedDefaults } from "./entities/gateway-defaults";
import { buildGatewayProducts } from "./entities/gateway-products";
import { isOnGateway, readSubscriptionRows, toGatewaySubscription } from "./entities/gateway-subscriptions";

export type GatewayEntityRef =
  | { kind: "api"; id: string }
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

/** Each entity once, where it was first named; literal changes keep their place. */
export function distinctRefs(refs: readonly GatewayChangeRef[]): GatewayChangeRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    if (!isEntityRef(ref)) return true;
    const key = refKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const idsOf = (refs: readonly GatewayChangeRef[], kind: "api" | "product" | "subscription") =>
  refs.flatMap((r) => (r.kind === kind && "id" in r ? [r.id] : []));

/** Call under the version lock, so what it reads is newer than every lower version's reads. */
export async function buildGatewayChanges(tx: DbTransaction, refs: readonly GatewayChangeRef[]): Promise<GatewayConfigChange[]> {
  const [apiIds, productIds, subscriptionIds] = [idsOf(refs, "api"), idsOf(refs, "product"), idsOf(refs, "subscription")];
  const wants = (kind: string) => refs.some((r) => r.kind === kind);
  const defaults = apiIds.length > 0 || wants("defaults") ? await buildGatewayDefaults(tx) : {};
  const [apis, products, subscriptions, gatewayTls] = await Promise.all([
    apiIds.length > 0 ? buildGatewayApis(tx, { id: { in: apiIds } }, { defaults }) : [],
    productIds.length > 0 ? buildGatewayProducts(tx, { id: { in: productIds } }).then((p) => p.products) : [],
    subscriptionIds.length > 0 ? readSubscriptionRows(tx, { id: { in: subscriptionIds } }) : [],
    wants("gatewayTls") ? gatewayTlsForSnapshot(tx) : null,
  ]);
  const apiById = new Map(apis.map((a) => [a.id, a]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const subscriptionById = new Map(subscriptions.map((s) => [s.id, s]));

  const changes = refs.map((ref): unknown => {
    switch (ref.kind) {
      case "api": {
        const api = apiById.get(ref.id);
        return api ? { kind: "api.upserted", api } : { kind: "api.removed", id: ref.id };
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
