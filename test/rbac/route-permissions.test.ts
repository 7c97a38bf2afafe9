// The wiring of lib/iam/rbac/route-permissions.ts: every route file under app/api/v1 has
// exactly one row, and each handler names its own row, so a copied route file cannot
// borrow a neighbour's access. What each role may then do is route-role-matrix's job,
// which checks real answers against its own table and never reads this one.
import { beforeAll, describe, expect, it } from "vitest";
import { routePermissions } from "@/lib/iam/rbac/route-permissions";
import { discoverApiRoutes, type DiscoveredRoute } from "../support/discover-api-routes";

let routes: DiscoveredRoute[] = [];

beforeAll(async () => {
  routes = await discoverApiRoutes();
});

describe("route-permissions", () => {
  it("has one row per route file method, and none for routes that do not exist", () => {
    const discovered = routes.map((r) => r.key);
    expect(discovered.length).toBeGreaterThan(20);
    expect(discovered.filter((key) => !(key in routePermissions)), "add a row in route-permissions.ts").toEqual([]);
    expect(Object.keys(routePermissions).filter((key) => !discovered.includes(key)), "rows without a route").toEqual([]);
  });

  it("is named by each guarded handler under its own key; public routes are not wrapped", () => {
    const mismatches = routes.flatMap((route) => {
      const declared = (route.handler as { route?: string }).route;
      const expected = routePermissions[route.key as keyof typeof routePermissions] === "public" ? undefined : route.key;
      return declared === expected ? [] : [`${route.key} (${route.file}) names ${declared ?? "no row"}`];
    });
    expect(mismatches).toEqual([]);
  });
});
