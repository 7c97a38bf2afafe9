// The JWT requirements of an API: what the gateway demands of a bearer token
// before forwarding (issuer, audience, signature from the issuer's JWKS,
// scopes, roles). Stored as Api.jwtRequirements (null = no JWT validation) and
// sent to the gateways as `jwt` in the snapshot (no secret in it: the gateway
// fetches public keys from jwksUri). The fields and their constraints are the
// contract's gatewayJwtSchema, so the API cannot accept what a gateway refuses;
// this side only documents them for the management API and refuses unknown fields.
import { z } from "zod";
// The schema module itself, not the console's contract seam (which adds node:crypto): browser forms validate with this.
import { DEFAULT_JWT_ROLES_CLAIM, gatewayJwtSchema, JWT_ALGORITHMS } from "@portcullis/gateway/contract";
import { REALM_DEFAULT_AUDIENCE } from "@/lib/iam/realms/realm-default-audience";
import { realmNameSchema } from "@/lib/iam/realms/realm-schemas";

const field = gatewayJwtSchema.shape;

// Further issuers come only from a realm's identity providers, and a disabled issuer only from a
// disabled realm: neither is written on an API.
export const explicitJwtRequirementsSchema = gatewayJwtSchema
  .omit({ identityProviders: true, issuerDisabled: true })
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
    algorithms: field.algorithms.describe(
      "Signing algorithms accepted in the token's header, checked before any key is fetched; asymmetric only, since keys come from a JWKS ('none' and HS* are refused). Default: every RS, PS and ES algorithm and EdDSA",
    ),
  })
  .strict()
  .meta({ id: "ExplicitJwtRequirements", description: "Tokens of any OpenID Connect issuer, named by issuer and JWKS URI" });


/**
 * Tokens of one of our realms, named by the realm: the console fills in its issuer and JWKS URI
 * when it builds the gateway snapshot (lib/iam/realms/realm-jwt-for-gateway.ts), so a realm's key
 * rotation needs no change to the API.
 */
export const realmJwtRequirementsSchema = z
  .object({
    realm: realmNameSchema.describe("Name of a Portcullis realm whose tokens the gateway accepts"),
    audiences: field.audiences
      .optional()
      .describe(`Accepted \`aud\` values; default "${REALM_DEFAULT_AUDIENCE}", which every token of the realm carries`),
    requiredScopes: field.requiredScopes.describe("All must be present, in the `scope` claim"),
    requiredRoles: field.requiredRoles.describe("Any one suffices; realm roles from realm_access.roles"),
    rolesClaim: field.rolesClaim.describe(`Dot path of the roles claim; default "${DEFAULT_JWT_ROLES_CLAIM}"`),
    clockToleranceSeconds: field.clockToleranceSeconds.describe("Leeway for exp/nbf/iat, for clocks that drift"),
    tokenHeader: field.tokenHeader.describe("Header carrying `Bearer <token>`"),
    algorithms: field.algorithms.describe("Accepted signing algorithms; default every asymmetric one"),
  })
  .strict()
  .meta({ id: "RealmJwtRequirements", description: "Tokens of a Portcullis realm, named by the realm" });

export const jwtRequirementsSchema = z
  .union([explicitJwtRequirementsSchema, realmJwtRequirementsSchema])
  .meta({ id: "JwtRequirements", description: "Bearer-token (JWT) validation the gateway enforces: by issuer and JWKS URI, or by realm; null turns it off" });

export type JwtRequirements = z.output<typeof jwtRequirementsSchema>;
export type ExplicitJwtRequirements = z.output<typeof explicitJwtRequirementsSchema>;
export type RealmJwtRequirements = z.output<typeof realmJwtRequirementsSchema>;

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
  if (stored === null || stored === undefined) return null;
  // Stored before `algorithms` existed: they get the default, as the snapshot schema gives the gateways.
  return { algorithms: [...JWT_ALGORITHMS], ...(stored as Omit<JwtRequirements, "algorithms">) } as JwtRequirements;
}
