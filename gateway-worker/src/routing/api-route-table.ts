// One table for every API path, whether one API owns it or a header/query
// version set shares it: a request walks its path prefixes once (one Map lookup
// per segment) instead of once per table. Built once per set of routes, when a
// config is swapped in (server.ts), and shared by every config with the same
// routes (a delta that leaves the APIs alone keeps both tables, so this one too).
import type { IncomingHttpHeaders } from "node:http";
import type { CompiledRoute, RuntimeConfig } from "../config/compile-config.js";
import type { Rejection } from "../http/errors.js";
import { RouteTable } from "./route-table.js";
import type { VersionSelector } from "./version-selector.js";

export type ResolvedRoute = { route: CompiledRoute; rest: string } | { rejection: Rejection };

type Entry = { readonly path: string; readonly route: CompiledRoute } | { readonly path: string; readonly selector: VersionSelector<CompiledRoute> };

export class ApiRouteTable {
  private readonly table: RouteTable<Entry>;

  /** The contract guarantees a path is either one API's or one version set's, never both. */
  constructor(single: Iterable<CompiledRoute>, versioned: Iterable<VersionSelector<CompiledRoute>>) {
    const entries: Entry[] = [];
    for (const route of single) entries.push({ path: route.path, route });
    for (const selector of versioned) entries.push({ path: selector.path, selector });
    this.table = new RouteTable(entries);
  }

  get size(): number {
    return this.table.size;
  }

  /** The longest API path prefixing `pathname`; for a version set, the version the request names. */
  resolve(pathname: string, headers: IncomingHttpHeaders, query: string): ResolvedRoute | undefined {
    const match = this.table.match(pathname);
    if (!match) return undefined;
    const entry = match.route;
    if ("route" in entry) return { route: entry.route, rest: match.rest };
    const choice = entry.selector.select(headers, query);
    return "route" in choice ? { route: choice.route, rest: match.rest } : choice;
  }
}

const tables = new WeakMap<RuntimeConfig["routes"], { versioned: RuntimeConfig["versionedRoutes"]; table: ApiRouteTable }>();

/** The merged table of `config`'s routes, built on first use and kept as long as those routes are. */
export function apiRoutesOf(config: Pick<RuntimeConfig, "routes" | "versionedRoutes">): ApiRouteTable {
  const known = tables.get(config.routes);
  if (known && known.versioned === config.versionedRoutes) return known.table;
  const table = new ApiRouteTable(config.routes.values(), config.versionedRoutes.values());
  tables.set(config.routes, { versioned: config.versionedRoutes, table });
  return table;
}
