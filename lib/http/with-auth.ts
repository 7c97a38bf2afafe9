// Wraps a management API route: resolves the caller, checks its permission, maps errors, tags it with a request id.
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/iam/actor";
import { credentialOf, resolveActor } from "@/lib/iam/resolve-actor";
import { hasPermission, type Permission } from "@/lib/iam/rbac/permissions";
import { routePermissions, type GuardedRouteKey } from "@/lib/iam/rbac/route-permissions";
import { assertJsonContentType } from "./assert-json-content-type";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { ApiError } from "./errors";
import { withRequestId } from "./request-id";

type RouteContext<P> = { params: Promise<P> };

export type AuthedHandler<P> = (args: { request: NextRequest; params: P; actor: Actor }) => Promise<Response>;

/**
 * A /api/v1 route names its row in route-permissions (the OpenAPI document reads the same
 * row); a route outside the documented API (/api/metrics) names its permission directly.
 */
export type AccessOptions = { route: GuardedRouteKey } | { permission: Permission };

export function withAuth<P = Record<string, never>>(handler: AuthedHandler<P>, options: AccessOptions) {
  const permission = "route" in options ? routePermissions[options.route] : options.permission;
  const run = async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await resolveActor(request);
      // Only a valid session cookie is an ambient credential worth forging; no credential stays a 401.
      if (credentialOf(request) === "cookie") assertSameOrigin(request);
      if (!hasPermission(actor.role, permission)) {
        throw new ApiError("forbidden", `The role '${actor.role}' may not perform this action`);
      }
      return await handler({ request, params: await context.params, actor });
    } catch (err) {
      return errorResponse(err);
    }
  };
  const wrapped = (request: NextRequest, context: RouteContext<P>) => withRequestId(request, () => run(request, context));
  // Lets test/rbac check that each route file names its own row, not a neighbour's.
  return Object.assign(wrapped, { route: "route" in options ? options.route : undefined });
}

/** Parses the JSON body: another content type is a 415, a body that is not JSON a 400, never a 500. */
export async function readJson(request: Request): Promise<unknown> {
  assertJsonContentType(request);
  try {
    return await request.json();
  } catch {
    throw new ApiError("invalid_json", "The request body must be valid JSON");
  }
}
