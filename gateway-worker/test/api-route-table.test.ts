// Every API path in one table, built once per set of routes: a request walks its path
// prefixes once, whether the longest match is one API's path or a version set's.
import { describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { gatewayConfigSnapshotSchema, type GatewayApi, type GatewayVersioning } from "../src/contract/config-snapshot";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { apiRoutesOf } from "../src/routing/api-route-table";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

const byHeader = (version: string): GatewayVersioning => ({ versionSetId: "set-orders", scheme: "header", parameterName: "Api-Version", version });
const versioned = (id: string, version: string, path: string): GatewayApi => makeApi({ id, path, versioning: byHeader(version) });

const compile = (apis: GatewayApi[], version = 1) =>
  compileConfig(gatewayConfigSnapshotSchema.parse(makeSnapshot({ version, apis, products: [] })), new Pipeline(defaultPolicies));

describe("ApiRouteTable", () => {
  const apis = [
    makeApi({ id: "shop", path: "shop" }),
    versioned("orders-v1", "v1", "shop/orders"), // a version set below a plain API's path
    versioned("orders-v2", "v2", "shop/orders"),
    makeApi({ id: "orders-admin", path: "shop/orders/admin" }), // and a plain API below the set's
  ];
  const config = compile(apis);
  const table = apiRoutesOf(config);
  const resolve = (pathname: string, version?: string) => table.resolve(pathname, version ? { "api-version": version } : {}, "");
  const idOf = (r: ReturnType<typeof resolve>) => (r && "route" in r ? `${r.route.api.id} ${JSON.stringify(r.rest)}` : r && r.rejection.code);

  it("holds single and versioned paths alike", () => {
    expect(table.size).toBe(3); // the two versions share one entry
  });

  it.each([
    ["/shop/cart", undefined, 'shop "/cart"'],
    ["/shop/orders/7", "v2", 'orders-v2 "/7"'],
    ["/shop/orders", "v1", 'orders-v1 ""'],
    ["/shop/orders/7", undefined, "api_version_not_found"], // the set's path wins, then wants a version
    ["/shop/orders/admin/x", undefined, 'orders-admin "/x"'],
    ["/shop/ordersx", undefined, 'shop "/ordersx"'],
    ["/elsewhere", undefined, undefined],
  ])("%s (version %s) -> %s: the longest path of either kind", (pathname, version, expected) => {
    expect(idOf(resolve(pathname, version))).toBe(expected);
  });

  it("is built once per set of routes: the same config, or another sharing its routes, reuses it", () => {
    expect(apiRoutesOf(config)).toBe(table);
    expect(apiRoutesOf({ routes: config.routes, versionedRoutes: config.versionedRoutes })).toBe(table);
    expect(apiRoutesOf(compile(apis, 2))).not.toBe(table); // compiled afresh: new routes, new table
  });
});
