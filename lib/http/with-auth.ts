// Wraps a management API route: resolves the caller, checks the role, maps errors.
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { credentialOf, resolveActor } from "@/lib/auth/resolve-actor";
import type { UserRoleName } from "@/lib/auth/roles";
import { assertJsonContentType } from "./assert-json-content-type";
import { assertSameOrigin } from "./assert-same-origin";
import { ApiError, errorResponse } from "./errors";

type RouteContext<P> = { params: Promise<P> };

export type AuthedHandler<P> = (args: { request: NextRequest; params: P; actor: Actor }) => Promise<Response>;

export { ADMINS, ALL_ROLES, AUDITORS, CATALOG_MANAGERS, CONSOLE_ROLES, SUBSCRIBERS } from "@/lib/auth/roles";

export function withAuth<P = Record<string, never>>(handler: AuthedHandler<P>, options: { roles: readonly UserRoleName[] }) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await resolveActor(request);
      // Only a valid session cookie is an ambient credential worth forging; no credential stays a 401.
      if (credentialOf(request) === "cookie") assertSameOrigin(request);
      if (!options.roles.includes(actor.role)) {
        throw new ApiError("forbidden", `The role '${actor.role}' may not perform this action`);
      }
      return await handler({ request, params: await context.params, actor });
    } catch (err) {
      return errorResponse(err);
    }
  };
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
