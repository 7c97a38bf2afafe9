// Where a developer calls an API: the gateway's public base URL, the API's gateway path
// (the path scheme folds the version in), and the header or query parameter a header or
// query version set needs on every call. The reference's `servers` and every code sample
// are built from this, so what the portal shows is what the gateway serves.
import type { VersioningSchemeName } from "@/lib/apis/version-sets/version-set-schemas";

export type GatewayAddress = {
  /** e.g. https://gateway.example.com/orders/v2 */
  serverUrl: string;
  /** The version a header or query version set expects on each call; null for path versions and unversioned APIs. */
  version: { in: "header" | "query"; name: string; value: string } | null;
};

type ApiAddressFields = {
  gatewayPath: string;
  versionName: string | null;
  versionSet: { scheme: VersioningSchemeName; parameterName: string } | null;
};

export function gatewayAddressOf(gatewayPublicUrl: string, api: ApiAddressFields): GatewayAddress {
  const base = gatewayPublicUrl.replace(/\/+$/, "");
  const scheme = api.versionSet?.scheme;
  const version =
    api.versionName && api.versionSet && (scheme === "header" || scheme === "query")
      ? { in: scheme, name: api.versionSet.parameterName, value: api.versionName }
      : null;
  return { serverUrl: `${base}/${api.gatewayPath}`, version };
}
