// Header/query version sets: APIs share a path and the request's version picks
// one; the contract refuses any other sharing of a path.
import { describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { gatewayConfigSnapshotSchema, type GatewayApi, type GatewayVersioning } from "../src/contract/config-snapshot";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { resolveRoute } from "../src/routing/resolve-route";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

const byHeader = (version: string, extra: Partial<GatewayVersioning> = {}): GatewayVersioning => ({
  versionSetId: "set-orders",
  scheme: "header",
  parameterName: "Api-Version",
  version,
  ...extra,
});
const versioned = (id: string, versioning: GatewayVersioning, path = "orders"): GatewayApi => makeApi({ id, path, versioning });

describe("contract: shared paths", () => {
  it.each([
    ["two versions of one header set", [versioned("a", byHeader("v1")), versioned("b", byHeader("v2"))], true],
    ["one version alone", [versioned("a", byHeader("v1"))], true],
    ["same version twice", [versioned("a", byHeader("v1")), versioned("b", byHeader("v1"))], false],
    ["two different sets", [versioned("a", byHeader("v1")), versioned("b", byHeader("v2", { versionSetId: "other" }))], false],
    ["header and query in one set", [versioned("a", byHeader("v1")), versioned("b", byHeader("v2", { scheme: "query" }))], false],
    ["a versioned and a plain API", [versioned("a", byHeader("v1")), makeApi({ id: "b", path: "orders" })], false],
    ["a plain and a versioned API", [makeApi({ id: "b", path: "orders" }), versioned("a", byHeader("v1"))], false],
  ])("%s -> valid: %s", (_label, apis, valid) => {
    expect(gatewayConfigSnapshotSchema.safeParse(makeSnapshot({ apis, products: [] })).success).toBe(valid);
  });
});

describe("resolveRoute", () => {
  const config = compileConfig(
    gatewayConfigSnapshotSchema.parse(
      makeSnapshot({
        apis: [
          versioned("orders-v1", byHeader("v1")),
          versioned("orders-v2", byHeader("2024-01-01")),
          versioned("pets-v1", byHeader("v1", { versionSetId: "set-pets", scheme: "query", parameterName: "api-version" }), "pets"),
          versioned("pets-v2", byHeader("v2", { versionSetId: "set-pets", scheme: "query", parameterName: "api-version" }), "pets"),
          makeApi({ id: "orders-admin", path: "orders/admin" }), // longer plain path beside a versioned one
          makeApi({ id: "stock-v3", path: "stock/v3" }), // path versioning: the console folds the version into the path
        ],
        products: [],
      }),
    ),
    new Pipeline(defaultPolicies),
  );
  const resolve = (pathname: string, headers: Record<string, string> = {}, query = "") => resolveRoute(config, pathname, headers, query);
  const apiId = (r: ReturnType<typeof resolve>) => (r && "route" in r ? r.route.api.id : undefined);

  it.each([
    ["/orders/1", { "api-version": "v1" }, "", "orders-v1", "/1"],
    ["/orders", { "api-version": "2024-01-01" }, "", "orders-v2", ""],
    ["/pets/x", {}, "api-version=v2&a=1", "pets-v2", "/x"],
    ["/pets", {}, "a=1&api-version=v1", "pets-v1", ""],
    ["/orders/admin/users", {}, "", "orders-admin", "/users"],
    ["/stock/v3/items", {}, "", "stock-v3", "/items"],
  ])("%s %j %j -> %s (rest %j)", (pathname, headers, query, id, rest) => {
    const resolved = resolve(pathname, headers, query);
    expect(apiId(resolved)).toBe(id);
    expect(resolved && "rest" in resolved ? resolved.rest : undefined).toBe(rest);
  });

  it.each([
    ["/orders/1", {}, "", /name the version in the header 'Api-Version'\. Available versions: 2024-01-01, v1\./],
    ["/orders/1", { "api-version": "v9" }, "", /Unknown API version 'v9' in the header 'Api-Version'/],
    ["/orders/1", {}, "api-version=v1", /header 'Api-Version'/], // a header set ignores the query
    ["/pets", { "api-version": "v1" }, "", /query parameter 'api-version'\. Available versions: v1, v2\./],
  ])("%s %j %j -> 404 api_version_not_found", (pathname, headers, query, message) => {
    const resolved = resolve(pathname, headers, query);
    expect(resolved && "rejection" in resolved ? resolved.rejection : undefined).toMatchObject({
      status: 404,
      code: "api_version_not_found",
      message: expect.stringMatching(message),
    });
  });

  it("a path no API has is not resolved", () => {
    expect(resolve("/stock/v2/items")).toBeUndefined();
  });
});
