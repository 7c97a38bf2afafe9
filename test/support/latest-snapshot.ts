// The gateway configuration the console last published, read the way a gateway reads it: the
// snapshot from the channel's latest key, then the deltas after it from the deltas log, applied
// in version order (changes are state, so applying one is replacing or removing an entry).
import {
  configChannelNames,
  denialId,
  gatewayConfigSnapshotSchema,
  type GatewayConfigChange,
  type GatewayConfigSnapshot,
} from "@/lib/config-channel/contract";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { readDeltasAfter } from "./config-deltas";

export const latestSnapshotKey = () => configChannelNames(env().CONFIG_CHANNEL_PREFIX).latestKey;

/** The snapshot in latestKey alone: what the compactor (or a full publish) stored last. */
export async function readStoredSnapshot(): Promise<GatewayConfigSnapshot> {
  return gatewayConfigSnapshotSchema.parse(JSON.parse((await redis().get(latestSnapshotKey())) ?? "null"));
}

/** The stored snapshot with the consecutive deltas after it applied: what a gateway serves. */
export async function readLatestSnapshot(): Promise<GatewayConfigSnapshot> {
  let config = await readStoredSnapshot();
  for (const delta of await readDeltasAfter(config.version)) {
    if (delta.version !== config.version + 1) break;
    config = { ...delta.changes.reduce(applyChange, config), version: delta.version, generatedAt: delta.generatedAt };
  }
  return config;
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  return i < 0 ? [...list, item] : list.map((x, j) => (j === i ? item : x));
}

const without = <T extends { id: string }>(list: readonly T[], id: string) => list.filter((x) => x.id !== id);

function applyChange(c: GatewayConfigSnapshot, change: GatewayConfigChange): GatewayConfigSnapshot {
  switch (change.kind) {
    case "api.upserted":
      return { ...c, apis: upsert(c.apis, change.api) };
    case "api.fieldsReplaced": {
      // As the gateway does: the operations held stay; an API not held yet waits for its own publish.
      const held = c.apis.find((a) => a.id === change.api.id);
      return held ? { ...c, apis: upsert(c.apis, { ...change.api, operations: held.operations }) } : c;
    }
    case "api.removed":
      return { ...c, apis: without(c.apis, change.id) };
    case "product.upserted":
      return { ...c, products: upsert(c.products, change.product) };
    case "product.removed":
      return { ...c, products: without(c.products, change.id) };
    case "subscription.upserted":
      return { ...c, subscriptions: upsert(c.subscriptions, change.subscription) };
    case "subscription.removed":
      return { ...c, subscriptions: without(c.subscriptions, change.id) };
    case "defaults.replaced": {
      const { defaults: _previous, ...rest } = c;
      return change.defaults ? { ...rest, defaults: change.defaults } : rest;
    }
    case "gatewayTls.replaced":
      return { ...c, gatewayTls: change.gatewayTls };
    case "denial.upserted":
      return { ...c, denials: [...(c.denials ?? []).filter((d) => denialId(d) !== denialId(change.denial)), change.denial] };
    case "denial.removed":
      return { ...c, denials: (c.denials ?? []).filter((d) => denialId(d) !== denialId(change.denial)) };
  }
}
