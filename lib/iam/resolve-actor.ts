// Finds who is calling the management API: a Bearer token, else the session cookie.
import { timingSafeEqual } from "node:crypto";
import { getToken } from "next-auth/jwt";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import type { Actor } from "./actor";
import { findSessionUser } from "./find-session-user";
import { roleToApi } from "./roles";
import { resolveTokenActor } from "./tokens/resolve-token-actor";

function sameSecret(a: string, b: string): boolean {
  // Compare digests so lengths never leak and timingSafeEqual gets equal-size buffers.
  return timingSafeEqual(Buffer.from(sha256Hex(a), "hex"), Buffer.from(sha256Hex(b), "hex"));
}

async function actorFromBearer(token: string): Promise<Actor> {
  const bootstrap = env().ADMIN_API_TOKEN;
  if (bootstrap && sameSecret(token, bootstrap)) {
    return { type: "token", id: "bootstrap", label: "ADMIN_API_TOKEN", role: "platform_admin", userId: null };
  }
  return resolveTokenActor(token);
}

/**
 * How the caller proves who it is. A Bearer token is never sent by a browser on its own, so only
 * cookie callers need the CSRF origin check (lib/http/assert-same-origin.ts).
 */
export function credentialOf(request: Request): "bearer" | "cookie" {
  return request.headers.get("authorization") ? "bearer" : "cookie";
}

export async function resolveActor(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (credentialOf(request) === "bearer" && header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw new ApiError("unauthorized", "Authorization header must be 'Bearer <token>'");
    return actorFromBearer(match[1]);
  }
  // Reads the session JWT from the request's own cookies (works in any handler, no request-scope magic).
  const session = await getToken({
    req: request as Parameters<typeof getToken>[0]["req"],
    secret: env().NEXTAUTH_SECRET,
    // The same cookie name auth-options.ts sets (__Secure- prefixed over https).
    secureCookie: env().NEXTAUTH_URL.startsWith("https://"),
  });
  if (!session?.sub) throw new ApiError("unauthorized", "Sign in or send 'Authorization: Bearer <token>'");
  const { user, refusal } = await findSessionUser(session.sub, typeof session.iat === "number" ? session.iat : undefined);
  if (!user) throw new ApiError("unauthorized", refusal);
  return { type: "user", id: user.id, label: user.email, role: roleToApi(user.role), userId: user.id };
}
