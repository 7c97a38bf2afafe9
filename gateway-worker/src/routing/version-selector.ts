// Header/query versioning (Azure version sets): several APIs share one path and
// the request names the version in a header or a query parameter. Built once
// per config; per request it is one header or query read and one Map lookup.
import type { IncomingHttpHeaders } from "node:http";
import type { GatewayVersioning } from "../contract/config-snapshot.js";
import { rejection, type Rejection } from "../http/errors.js";
import { getQueryParam } from "../http/query-string.js";
import { firstHeaderValue } from "../http/headers.js";

export type VersionChoice<T> = { route: T } | { rejection: Rejection };

export class VersionSelector<T> {
  private readonly byVersion: ReadonlyMap<string, T>;
  private readonly headerName: string;
  /** "v1, v2": listed in every refusal so a client can correct itself. */
  readonly available: string;

  constructor(
    readonly path: string,
    private readonly versioning: Pick<GatewayVersioning, "scheme" | "parameterName">,
    routes: ReadonlyMap<string, T>,
  ) {
    this.byVersion = routes;
    this.headerName = versioning.parameterName.toLowerCase(); // Node lower-cases incoming header names
    this.available = [...routes.keys()].sort().join(", ");
  }

  select(headers: IncomingHttpHeaders, query: string): VersionChoice<T> {
    const requested = this.requestedVersion(headers, query);
    const route = requested === undefined ? undefined : this.byVersion.get(requested);
    if (route !== undefined) return { route };
    const where = `${this.versioning.scheme === "header" ? "header" : "query parameter"} '${this.versioning.parameterName}'`;
    const base = rejection("api_version_not_found");
    const message =
      requested === undefined
        ? `This API is versioned: name the version in the ${where}. Available versions: ${this.available}.`
        : `Unknown API version '${requested}' in the ${where}. Available versions: ${this.available}.`;
    return { rejection: { ...base, message } };
  }

  private requestedVersion(headers: IncomingHttpHeaders, query: string): string | undefined {
    if (this.versioning.scheme === "query") return getQueryParam(query, this.versioning.parameterName) || undefined;
    return firstHeaderValue(headers, this.headerName)?.trim() || undefined;
  }
}
