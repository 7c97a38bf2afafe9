// Picks the API a request is for: the longest API path that prefixes the
// request path, whether it belongs to one API or to a header/query version
// set (then the request's version chooses among the set's APIs). One walk of
// one table (api-route-table.ts), built when the config was swapped in.
import type { IncomingHttpHeaders } from "node:http";
import type { RuntimeConfig } from "../config/compile-config.js";
import { apiRoutesOf, type ResolvedRoute } from "./api-route-table.js";

export type { ResolvedRoute } from "./api-route-table.js";

export function resolveRoute(
  config: RuntimeConfig,
  pathname: string,
  headers: IncomingHttpHeaders,
  query: string,
): ResolvedRoute | undefined {
  return apiRoutesOf(config).resolve(pathname, headers, query);
}
