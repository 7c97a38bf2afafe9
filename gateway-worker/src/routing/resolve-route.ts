// Picks the API a request is for: the longest API path that prefixes the
// request path, whether it belongs to one API or to a header/query version
// set (then the request's version chooses among the set's APIs).
import type { IncomingHttpHeaders } from "node:http";
import type { CompiledRoute, RuntimeConfig } from "../config/compile-config.js";
import type { Rejection } from "../http/errors.js";

export type ResolvedRoute = { route: CompiledRoute; rest: string } | { rejection: Rejection };

export function resolveRoute(
  config: RuntimeConfig,
  pathname: string,
  headers: IncomingHttpHeaders,
  query: string,
): ResolvedRoute | undefined {
  const single = config.routes.match(pathname);
  const versioned = config.versionedRoutes.match(pathname);
  // Paths are unique across both tables, so the longer match is the more specific one.
  if (versioned && (!single || versioned.route.path.length > single.route.path.length)) {
    const choice = versioned.route.select(headers, query);
    return "route" in choice ? { route: choice.route, rest: versioned.rest } : choice;
  }
  return single;
}
