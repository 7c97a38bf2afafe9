// Where an API is served on the gateway. The path scheme folds the version into
// the path ("orders" + "v2" -> "orders/v2"); header and query schemes share the
// API's own path among the set's versions.
import type { VersioningScheme } from "@/generated/prisma/client";

export function gatewayPathOf(api: { path: string; versionName: string | null }, scheme: VersioningScheme | null | undefined): string {
  return scheme === "PATH" && api.versionName ? `${api.path}/${api.versionName}` : api.path;
}
