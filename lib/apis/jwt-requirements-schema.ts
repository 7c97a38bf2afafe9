// The JWT requirements of an API: what the gateway demands of a bearer token
// before forwarding (issuer, audience, signature from the issuer's JWKS,
// scopes, roles). Stored as Api.jwtRequirements (null = no JWT validation) and
// sent to the gateways as `jwt` in the snapshot (no secret in it: the gateway
// fetches public keys from jwksUri). The gateway's own copy of the shape is
// gatewayJwtSchema in gateway-worker/src/contract/config-snapshot.ts.
import { z } from "zod";
import { DEFAULT_JWT_ROLES_CLAIM, DEFAULT_JWT_TOKEN_HEADER } from "@/lib/config-channel/contract";

const httpUrl = (what: string) => z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000).describe(what);

/** Signing keys decide who gets in: only https, except a local issuer during development. */
function isHttpsOrLoopback(raw: string): boolean {
  const url = new URL(raw);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** RFC 6749 scope-token: printable ASCII without space, '"' or '\' (so it fits a WWW-Authenticate header). */
const scopeToken = z
  .string()
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,200}$/, "a scope is printable ASCII without spaces, quotes or backslashes");

/** RFC 9110 token, the characters of a header name. */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, "a header name");

export const jwtRequirementsSchema = z
  .object({
    issuer: httpUrl("Expected `iss` claim, compared exactly (e.g. https://sso.example.com/realms/acme)"),
    audiences: z
      .array(z.string().trim().min(1).max(500))
      .min(1)
      .max(20)
      .describe("Accepted `aud` values; the token must carry at least one of them"),
    jwksUri: httpUrl("Where the issuer publishes its public signing keys (JWKS), over https (plain http only on loopback); fetched and cached by the gateway").refine(
      isHttpsOrLoopback,
      "must be https: keys fetched over plain http can be swapped in transit (http is allowed only on loopback, for development)",
    ),
    requiredScopes: z
      .array(scopeToken)
      .max(50)
      .default([])
      .describe("All must be present, in the space-separated `scope` claim or the `scp` claim (string or array)"),
    requiredRoles: z
      .array(z.string().trim().min(1).max(200))
      .max(50)
      .default([])
      .describe("Any one suffices; read from `rolesClaim` and from a top-level `roles` claim"),
    rolesClaim: z
      .string()
      .regex(/^[^.\s]+(\.[^.\s]+)*$/, "a dot-separated claim path")
      .max(200)
      .default(DEFAULT_JWT_ROLES_CLAIM)
      .describe(`Dot path of the claim holding the roles array; default Keycloak's "${DEFAULT_JWT_ROLES_CLAIM}"`),
    clockToleranceSeconds: z
      .number()
      .int()
      .min(0)
      .max(600)
      .default(30)
      .describe("Leeway for exp/nbf/iat, for clocks that drift"),
    tokenHeader: headerName
      .default(DEFAULT_JWT_TOKEN_HEADER)
      .describe("Header carrying `Bearer <token>`; forwarded to the backend unchanged"),
  })
  .strict()
  .meta({ id: "JwtRequirements", description: "Bearer-token (JWT) validation the gateway enforces; null turns it off" });

export type JwtRequirements = z.output<typeof jwtRequirementsSchema>;

/** PATCH and create accept the shape, or null for "no JWT validation". */
export const jwtRequirementsInputSchema = jwtRequirementsSchema
  .nullable()
  .describe("JWT requirements the gateway enforces; null turns JWT validation off");

/**
 * The stored column (Prisma Json) read back. It is only ever written after
 * jwtRequirementsSchema parsed it, and the snapshot schema validates it again
 * on its way to the gateways: an invalid value stops a publication (fail
 * closed) rather than silently switching JWT validation off.
 */
export function readJwtRequirements(stored: unknown): JwtRequirements | null {
  return (stored ?? null) as JwtRequirements | null;
}
