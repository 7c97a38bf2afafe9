// What the gateway answers when a bearer token does not do (RFC 6750 section 3):
// 401 with `WWW-Authenticate: Bearer` (plus error="invalid_token" when one was
// sent), 403 insufficient_scope naming the scopes, 503 when the issuer's keys
// cannot be fetched. Messages say which check failed, from a fixed list: a
// token, or anything read from it, is never echoed back.
import { errors } from "jose";
import { rejection, type Rejection } from "../http/errors.js";
import { JwksUnavailableError } from "./remote-jwks-cache.js";

const challenge = (params: Record<string, string> = {}) => {
  const attributes = Object.entries(params).map(([k, v]) => `${k}="${v}"`);
  return { "www-authenticate": attributes.length ? `Bearer ${attributes.join(", ")}` : "Bearer" };
};

export function missingToken(): Rejection {
  return rejection("missing_token", challenge());
}

export function invalidToken(message: string): Rejection {
  return rejection("invalid_token", challenge({ error: "invalid_token", error_description: message }), message);
}

/** Only for claims jose names (iss, aud, nbf, iat, ...); values from the token never reach a message. */
const CLAIM_MESSAGES: Record<string, string> = {
  iss: "The bearer token's issuer is not accepted.",
  aud: "The bearer token's audience is not accepted.",
  nbf: "The bearer token is not valid yet.",
  iat: "The bearer token's issue time is invalid.",
  exp: "The bearer token has no valid expiry (exp).",
};

/** A token naming an issuer the API does not trust: refused before any key is fetched. */
export function untrustedIssuer(): Rejection {
  return invalidToken(CLAIM_MESSAGES.iss!);
}

/** Maps whatever jwtVerify threw; anything unforeseen is an invalid token, never a crash. */
export function rejectionForVerifyError(err: unknown): Rejection {
  if (err instanceof JwksUnavailableError) return rejection("jwks_unavailable", { "retry-after": "5" });
  if (err instanceof errors.JWTExpired) return invalidToken("The bearer token has expired.");
  if (err instanceof errors.JWTClaimValidationFailed) {
    return invalidToken(CLAIM_MESSAGES[err.claim] ?? "A claim of the bearer token is invalid.");
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return invalidToken("The bearer token's signature is invalid.");
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) {
    return invalidToken("No key of the issuer's key set (JWKS) matches the bearer token's key id.");
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) {
    return invalidToken("The bearer token's signing algorithm is not accepted.");
  }
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return invalidToken("The bearer token is malformed.");
  return invalidToken("The bearer token is invalid.");
}

const DENIAL_MESSAGES = {
  token: "The bearer token has been revoked.",
  session: "The login this bearer token belongs to has been revoked.",
  client: "The client this bearer token was issued to is disabled.",
  subject: "The user this bearer token was issued to is disabled.",
  issuer: "The realm that issued this bearer token is disabled.",
} as const;

/** 401 with invalid_token (RFC 6750): the client must get a new token, if it still can. */
export function tokenRevoked(kind: keyof typeof DENIAL_MESSAGES): Rejection {
  const message = DENIAL_MESSAGES[kind];
  return rejection("token_revoked", challenge({ error: "invalid_token", error_description: message }), message);
}

/** Scopes are RFC 6749 scope-tokens (no quote or backslash), so they fit the quoted attribute as they are. */
export function insufficientScope(missing: readonly string[]): Rejection {
  return rejection(
    "insufficient_scope",
    challenge({ error: "insufficient_scope", scope: missing.join(" ") }),
    `The bearer token lacks the scope(s) this API requires: ${missing.join(" ")}.`,
  );
}

export function insufficientRole(): Rejection {
  return rejection(
    "insufficient_scope",
    challenge({ error: "insufficient_scope", error_description: "none of the roles this API requires" }),
    "The bearer token carries none of the roles this API requires.",
  );
}
