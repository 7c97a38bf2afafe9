// Validates a bearer token (JWT) for APIs that configure `jwt`: the header's
// algorithm against the API's allowlist (before any key lookup), signature from
// the issuer's JWKS (fetched and cached per jwksUri), issuer, audience, expiry
// with the configured clock tolerance, then scopes (all) and roles (any). A realm-bound
// API also trusts the realm's identity providers: `iss` picks the issuer (trusted-issuers.ts);
// one whose realm is disabled (issuerDisabled) trusts nothing and refuses every token.
// Unlike subscription keys the Authorization header is forwarded: backends
// often need the token themselves. Verified `sub` goes on ctx.jwt.
//
// A token that verified is remembered for a short while (VERIFIED_TTL_MS), per API
// settings, by its exact text (signature included): the same client sends the same
// token on every call, and the signature check, the JSON and the key lookup are what
// a JWT call cost. Expiry and not-before are checked again on every call against the
// remembered claims; revocations, the bound client, scopes and roles too. A config
// swap compiles new settings, so it starts afresh; a key the issuer removed stops
// vouching for a remembered token within the TTL (jose itself keeps a fetched key set
// for minutes, JWKS_FETCH_OPTIONS.cacheMaxAge).
import { errors, jwtVerify, type JWTPayload } from "jose";
import type { z } from "zod";
import { gatewayApiSchema } from "../contract/config-snapshot.js";
import { insufficientRole, insufficientScope, invalidToken, missingToken, rejectionForVerifyError, tokenRevoked, untrustedIssuer } from "../jwt/jwt-rejections.js";
import { deniedKindOf } from "../jwt/token-denials.js";
import { bearerTokenFrom, missingScopes } from "../jwt/token-claims.js";
import { hasAnyRequiredRole, trustedIssuerFor, trustedIssuersOf, type TrustedIssuer } from "../jwt/trusted-issuers.js";
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

/** How long a verified token is taken at its signature's word again. */
export const VERIFIED_TTL_MS = 30_000;
/** Tokens remembered per API settings at most (the oldest go first), and the longest one remembered: a few MB at worst. */
const MAX_VERIFIED = 2048;
const MAX_REMEMBERED_LENGTH = 4096;

interface Verified {
  readonly payload: JWTPayload;
  readonly trusted: TrustedIssuer;
  /** ms since epoch after which the token is verified again. */
  readonly until: number;
}

const verifiedBySettings = new WeakMap<object, Map<string, Verified>>();

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** jose's time checks (validateClaimsSet), for a token whose signature and other claims already passed. */
function timeCheckFailure(payload: JWTPayload, nowMs: number, tolerance: number): Error | undefined {
  const now = Math.floor(nowMs / 1000);
  if (typeof payload.nbf === "number" && payload.nbf > now + tolerance) {
    return new errors.JWTClaimValidationFailed('"nbf" claim timestamp check failed', payload, "nbf", "check_failed");
  }
  if (typeof payload.exp === "number" && payload.exp <= now - tolerance) {
    return new errors.JWTExpired('"exp" claim timestamp check failed', payload, "exp", "check_failed");
  }
  return undefined;
}

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

    let payload: JWTPayload, trusted: TrustedIssuer | undefined;
    let verified = verifiedBySettings.get(settings);
    const known = verified?.get(token);
    if (known && known.until > ctx.now) {
      const failure = timeCheckFailure(known.payload, ctx.now, settings.clockToleranceSeconds);
      if (failure) {
        verified!.delete(token);
        return rejectionForVerifyError(failure);
      }
      ({ payload, trusted } = known);
    } else try {
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
      if (token.length <= MAX_REMEMBERED_LENGTH) {
        if (!verified) verifiedBySettings.set(settings, (verified = new Map()));
        else if (known) verified.delete(token);
        if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
        verified.set(token, { payload: deepFreeze(payload), trusted, until: ctx.now + VERIFIED_TTL_MS });
      }
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
