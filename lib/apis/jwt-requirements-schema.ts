// The JWT requirements of an API: what the gateway demands of a bearer token
// before forwarding (issuer, audience, signature from the issuer's JWKS,
// scopes, roles). Stored as Api.jwtRequirements (null = no JWT validation) and
// sent to the gateways as `jwt` in the snapshot (no secret in it: the gateway
// fetches public keys from jwksUri). The fields and their constraints are the
// contract's gatewayJwtSchema, so the API cannot accept what a gateway refuses;
// this side only documents them for the management API and refuses unknown fields.
import type { z } from "zod";
// The schema module itself, not the console's contract seam (which adds node:crypto): browser forms validate with this.
import { DEFAULT_JWT_ROLES_CLAIM, gatewayJwtSchema } from "@portcullis/gateway/contract";

const field = gatewayJwtSchema.shape;

export const jwtRequirementsSchema = gatewayJwtSchema
  .extend({
    issuer: field.issuer.describe("Expected `iss` claim, compared exactly (e.g. https://sso.example.com/realms/acme)"),
    audiences: field.audiences.describe("Accepted `aud` values; the token must carry at least one of them"),
    jwksUri: field.jwksUri.describe(
      "Where the issuer publishes its public signing keys (JWKS), over https (plain http only on loopback); fetched and cached by the gateway",
    ),
    requiredScopes: field.requiredScopes.describe(
      "All must be present, in the space-separated `scope` claim or the `scp` claim (string or array)",
    ),
    requiredRoles: field.requiredRoles.describe("Any one suffices; read from `rolesClaim` and from a top-level `roles` claim"),
    rolesClaim: field.rolesClaim.describe(`Dot path of the claim holding the roles array; default Keycloak's "${DEFAULT_JWT_ROLES_CLAIM}"`),
    clockToleranceSeconds: field.clockToleranceSeconds.describe("Leeway for exp/nbf/iat, for clocks that drift"),
    tokenHeader: field.tokenHeader.describe("Header carrying `Bearer <token>`; forwarded to the backend unchanged"),
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
