// Reads the catalogue and turns it into the gateway's configuration snapshot, with the same
// per-entity builders a delta uses (entities/), so a snapshot and the deltas agree.
import type { DbTransaction } from "@/lib/db";
import { gatewayConfigSnapshotSchema, type GatewayConfigSnapshot } from "./contract";
import { gatewayTlsForSnapshot } from "@/lib/gateway-tls/gateway-tls-for-snapshot";
import { gatewayDenials } from "@/lib/iam/realms/gateway-denials";
import { buildGatewayApis } from "./entities/gateway-apis";
import { buildGatewayDefaults, definedDefaults } from "./entities/gateway-defaults";
import { buildGatewayProducts } from "./entities/gateway-products";
import { buildGatewaySubscriptions } from "./entities/gateway-subscriptions";

type Tx = DbTransaction;

export async function buildGatewaySnapshot(tx: Tx, version: number, generatedAt: Date): Promise<GatewayConfigSnapshot> {
  const [products, subscriptions, gatewayTls, defaults, denials] = await Promise.all([
    buildGatewayProducts(tx, {}),
    buildGatewaySubscriptions(tx, {}),
    gatewayTlsForSnapshot(tx),
    buildGatewayDefaults(tx),
    gatewayDenials(tx),
  ]);
  const apis = await buildGatewayApis(tx, {}, { defaults, products: products.rows });
  const policy = definedDefaults(defaults);

  return gatewayConfigSnapshotSchema.parse({
    version,
    generatedAt: generatedAt.toISOString(),
    gatewayTls,
    ...(policy ? { defaults: policy } : {}),
    apis,
    products: products.products,
    denials,
    subscriptions,
  });
}
