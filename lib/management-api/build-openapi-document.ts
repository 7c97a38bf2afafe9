// Builds the management API's OpenAPI 3.1 document from the route registry with
// zod-openapi: request schemas are the very zod schemas the handlers parse with.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { rolesWith, type Permission } from "@/lib/iam/rbac/permissions";
import { routeAccessOf } from "@/lib/iam/rbac/route-permissions";
import { errorResponseSchema } from "./common-schemas";
import { managementApiRoutes } from "./management-api-routes";
import type { RouteDoc } from "./route-doc";

const errorDescriptions: Record<number, string> = {
  400: "Invalid JSON, query or body (validation_failed lists the fields)",
  401: "No or invalid credentials (unauthorized)",
  403: "The caller's role or ownership does not allow this (forbidden)",
  404: "Not found, or not visible to the caller",
  409: "Conflicts with the current state",
  410: "Gone",
  413: "Too large",
  422: "Understood but unusable (e.g. invalid_spec with problems)",
  429: "Too many requests",
  502: "Upstream failed",
  503: "A service it depends on is unreachable; retry later",
  504: "Upstream timed out",
};

const errorResponse = (status: number) => ({
  description: errorDescriptions[status] ?? "Error",
  content: { "application/json": { schema: errorResponseSchema } },
});

function pathParams(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((n) => [n, z.string().describe(`The ${n.replace(/Id$/, "")}'s id`)])));
}

/** The row withAuth enforces for this route; an entry without one would document nothing true. */
function accessOf(route: RouteDoc): Permission | "public" {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  const access = routeAccessOf(key);
  if (!access) throw new Error(`${key} has no row in lib/iam/rbac/route-permissions.ts`);
  return access;
}

function errorStatuses(route: RouteDoc, access: Permission | "public"): number[] {
  const statuses = new Set<number>(route.errors ?? []);
  if (route.body || route.query) statuses.add(400);
  if (access !== "public") [401, 403].forEach((s) => statuses.add(s));
  if (route.path.includes("{")) statuses.add(404);
  return [...statuses].sort();
}

function toOperation(route: RouteDoc): ZodOpenApiOperationObject {
  const path = pathParams(route.path);
  const access = accessOf(route);
  const roles = access === "public" ? [] : rolesWith(access);
  const who = access === "public" ? "Public: no credentials needed." : `Roles: ${roles.join(", ")}.`;
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, who].filter(Boolean).join("\n\n"),
    tags: [route.tag],
    ...(access === "public" ? { security: [] } : { "x-permission": access }),
    "x-roles": roles,
    ...(path || route.query ? { requestParams: { ...(path && { path }), ...(route.query && { query: route.query }) } } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    responses: {
      [String(route.response.status)]: {
        description: route.response.description,
        ...(route.response.schema ? { content: { "application/json": { schema: route.response.schema } } } : {}),
      },
      ...Object.fromEntries(errorStatuses(route, access).map((s) => [String(s), errorResponse(s)])),
    },
  };
}

export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of managementApiRoutes) {
    paths[route.path] = { ...paths[route.path], [route.method]: toOperation(route) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Portcullis management API",
      version: "1",
      description:
        'Everything the console does, for scripts and CI. Send `Authorization: Bearer <token>` (an admin API token from /tokens); the console itself uses its session cookie. Errors are `{"error":{"code","message"}}`.',
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [...new Set(managementApiRoutes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An admin API token (or ADMIN_API_TOKEN)" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The console's session" },
      },
    },
  });
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document never changes while the process runs: build it once. */
export function getOpenApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}
