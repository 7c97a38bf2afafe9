// Builders for config snapshots, so each test states only what it is about.
import type {
  GatewayApi,
  GatewayConfigChange,
  GatewayConfigDelta,
  GatewayConfigSnapshot,
  GatewayProduct,
  GatewaySubscription,
} from "../../src/contract/config-snapshot";
import { hashSubscriptionKey } from "../../src/contract/subscription-key-hash";

export function makeApi(overrides: Partial<GatewayApi> = {}): GatewayApi {
  return {
    id: "api-demo",
    name: "Demo",
    path: "demo",
    lifecycle: "published",
    backends: [{ url: "http://127.0.0.1:9/api", weight: 1 }],
    subscription: { required: true, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" },
    ...overrides,
  };
}

export function makeProduct(overrides: Partial<GatewayProduct> = {}): GatewayProduct {
  return { id: "prod-starter", name: "Starter", apiIds: ["api-demo"], rateLimit: null, quota: null, ...overrides };
}

/** `keys` are clear-text keys; the snapshot carries only their hashes, as the console sends them. */
export function makeSubscription(
  overrides: Partial<Omit<GatewaySubscription, "keyHashes">> & { keys?: string[] } = {},
): GatewaySubscription {
  const { keys = ["key-alice-primary"], ...rest } = overrides;
  return {
    id: "sub-alice",
    state: "active",
    productId: "prod-starter",
    apiId: null,
    expiresAt: null,
    keyHashes: keys.map(hashSubscriptionKey),
    ...rest,
  };
}

export function makeSnapshot(overrides: Partial<GatewayConfigSnapshot> = {}): GatewayConfigSnapshot {
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    apis: [makeApi()],
    products: [makeProduct()],
    subscriptions: [makeSubscription()],
    ...overrides,
  };
}

/** A delta of `version` (applies on top of version - 1) carrying `changes` in order. */
export function makeDelta(version: number, ...changes: GatewayConfigChange[]): GatewayConfigDelta {
  return { version, generatedAt: new Date().toISOString(), reason: "test", changes };
}
