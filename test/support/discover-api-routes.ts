// Finds every management API route file under app/api/v1 and the HTTP methods it exports,
// so tests can fail when a route is added without its RBAC row or OpenAPI entry.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const apiRoot = fileURLToPath(new URL("../../app/api/v1", import.meta.url));

export type DiscoveredRoute = {
  /** "GET /apis/{apiId}" */
  key: string;
  method: (typeof HTTP_METHODS)[number];
  /** OpenAPI-style path relative to /api/v1, e.g. "/apis/{apiId}". */
  path: string;
  file: string;
  handler: unknown;
};

/** "apis/[apiId]/route.ts" -> "/apis/{apiId}"; route groups "(x)" vanish, "[...x]" becomes "{x}". */
export function routePathOf(file: string): string {
  const segments = relative(apiRoot, file).split(sep).slice(0, -1);
  const path = segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/, "{$1}"))
    .join("/");
  return `/${path}`;
}

export async function discoverApiRoutes(): Promise<DiscoveredRoute[]> {
  const files = readdirSync(apiRoot, { recursive: true, encoding: "utf8" })
    .filter((f) => /(^|[\\/])route\.(ts|tsx|js)$/.test(f))
    .map((f) => join(apiRoot, f))
    .sort();
  const routes: DiscoveredRoute[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const path = routePathOf(file);
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") routes.push({ key: `${method} ${path}`, method, path, file, handler: mod[method] });
    }
  }
  return routes;
}
