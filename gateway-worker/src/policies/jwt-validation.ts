// Validates a bearer token (JWT) for APIs that configure `jwt`: the header's
// algorithm against the API's allowlist (before any key lookup), signature from
// the issuer's JWKS (fetched and cached per jwksUri), issuer, audience, expiry
// with the configured clock tolerance, then scopes (all) and roles (any). A realm-bound
// API also trusts the realm's identity providers: `iss` picks the issuer (trusted-issuers.ts);
// one whose realm is disabled (issuerDisabled) trusts nothing and refuses every token.
// Unlike subscription keys the Authorization header is forwarded: backends
// often need the token themselves. Verified `sub` goes on ctx.jwt.
import { jwtVerify } from "jose";
import type { z } from "zod";
import { gatewayApiSchema } from "../contract/config-snapshot.js";
import { insufficientRole, insufficientScope, invalidToken, missingToken, rejectionForVerifyError, tokenRevoked, untrustedIssuer } from "../jwt/jwt-rejections.js";
import { deniedKindOf } from "../jwt/token-denials.js";
import { bearerTokenFrom, missingScopes } from "../jwt/token-claims.js";
import { hasAnyRequiredRole, trustedIssuerFor, trustedIssuersOf } from "../jwt/trusted-issuers.js";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";

// Built when the config is compiled: the key resolver comes from the shared
// cache, so a config swap keeps keys already fetched.
const settingsSchema = gatewayApiSchema.shape.jwt.transform((jwt) =>
  jwt ? { ...jwt, headerName: jwt.tokenHeader.toLowerCase(), trusted: trustedIssuersOf(jwt) } : null,
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
  inactive: (settings) => settings === null,
  async handle(ctx, settings) {
    if (!settings) return undefined;
    const token = bearerTokenFrom(ctx.headers, settings.headerName);
    if (token === undefined) return missingToken();
    if (token.length > MAX_TOKEN_LENGTH) return invalidToken("The bearer token is too large.");
    // A disabled realm: its tokens, valid or not, are refused unread; trustedIssuersOf holds nothing either.
    if (settings.issuerDisabled) return tokenRevoked("issuer");

    let payload, trusted;
    try {
      // The API's issuer or one of its realm's identity providers, picked by `iss` before any key fetch.
      trusted = trustedIssuerFor(token, settings.trusted);
      if (!trusted) return untrustedIssuer();
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: trusted.audiences,
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

    // Revoked token or login, disabled client or user (the config channel's denials), after the signature.
    const denied = deniedKindOf(ctx.config, payload, ctx.now);
    if (denied) return tokenRevoked(denied);
    // A subscription bound to an app (portal My apps) takes its key with that client's tokens only.
    const bound = ctx.subscription?.boundClientId;
    if (bound !== undefined && payload.azp !== bound && payload.client_id !== bound) return rejection("client_not_bound");

    const missing = missingScopes(payload, settings.requiredScopes);
    if (missing.length > 0) return insufficientScope(missing);
    if (!hasAnyRequiredRole(payload, settings, trusted)) return insufficientRole();

    ctx.jwt = { sub: typeof payload.sub === "string" ? payload.sub : null, claims: payload };
    return undefined;
  },
};
