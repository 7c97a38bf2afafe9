// Validates a bearer token (JWT) for APIs that configure `jwt`: the header's
// algorithm against the API's allowlist (before any key lookup), signature from
// the issuer's JWKS (fetched and cached per jwksUri), issuer, audience, expiry
// with the configured clock tolerance, then scopes (all) and roles (any).
// Unlike subscription keys the Authorization header is forwarded: backends
// often need the token themselves. Verified `sub` goes on ctx.jwt.
import { jwtVerify } from "jose";
import type { z } from "zod";
import { gatewayApiSchema } from "../contract/config-snapshot.js";
import { insufficientRole, insufficientScope, invalidToken, missingToken, rejectionForVerifyError } from "../jwt/jwt-rejections.js";
import { remoteJwksFor } from "../jwt/remote-jwks-cache.js";
import { bearerTokenFrom, hasAnyRole, missingScopes } from "../jwt/token-claims.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";

// Built when the config is compiled: the key resolver comes from the shared
// cache, so a config swap keeps keys already fetched.
const settingsSchema = gatewayApiSchema.shape.jwt.transform((jwt) =>
  jwt ? { ...jwt, headerName: jwt.tokenHeader.toLowerCase(), keys: remoteJwksFor(jwt.jwksUri) } : null,
);
type JwtSettings = z.output<typeof settingsSchema>;

/**
 * Far above real access tokens (Keycloak's with many roles stay under 4 KB), far below
 * Node's 16 KB header limit: a bigger one is refused before it is decoded or hashed.
 */
export const MAX_TOKEN_LENGTH = 8192;

export const jwtValidationPolicy: Policy<JwtSettings> = {
  name: "jwt-validation",
  priority: POLICY_PRIORITY["jwt-validation"],
  schema: settingsSchema,
  settingsFor: (api) => api.jwt,
  async handle(ctx, settings) {
    if (!settings) return undefined;
    const token = bearerTokenFrom(ctx.headers, settings.headerName);
    if (token === undefined) return missingToken();
    if (token.length > MAX_TOKEN_LENGTH) return invalidToken("The bearer token is too large.");

    let payload;
    try {
      ({ payload } = await jwtVerify(token, settings.keys, {
        issuer: settings.issuer,
        audience: settings.audiences,
        clockTolerance: settings.clockToleranceSeconds,
        // jose accepts a token without `exp` unless told otherwise; one that never expires is refused.
        requiredClaims: ["exp"],
        // jose checks the header's alg against this list before it calls the key resolver,
        // so a forged HS256/none token or an unexpected algorithm never triggers a JWKS fetch.
        algorithms: settings.algorithms,
        currentDate: new Date(ctx.now),
      }));
    } catch (err) {
      return rejectionForVerifyError(err);
    }

    const missing = missingScopes(payload, settings.requiredScopes);
    if (missing.length > 0) return insufficientScope(missing);
    if (!hasAnyRole(payload, settings.requiredRoles, settings.rolesClaim)) return insufficientRole();

    ctx.jwt = { sub: typeof payload.sub === "string" ? payload.sub : null, claims: payload };
    return undefined;
  },
};
