// private_key_jwt (RFC 7523 2.2, OIDC Core 9): the client signs a short JWT with its own private key
// instead of sending a secret. Verified with jose against the client's registered JWKS (inline or
// fetched from its jwksUri): iss = sub = client_id, aud = the issuer or the endpoint called, exp
// required and at most five minutes ahead, asymmetric algorithms only, and each jti accepted once
// (remembered in Redis until the assertion expires, SET NX, so two consoles never both accept it).
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { consoleOrigin, issuerOf } from "../issuer-url";
import { clientAssertionAlgorithms } from "../realm-client-schemas";
import { OAuthError } from "./oauth-response";

export const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The longest an assertion may live ahead of now; RFC 7523 asks for short ones. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 30;

/** A client_id claimed by the assertion, read before its signature (to find whose keys verify it). */
export function assertedClientId(assertion: string): string {
  try {
    const { iss, sub } = decodeJwt(assertion);
    if (typeof iss === "string" && iss === sub) return iss;
  } catch {
    // falls through: not a JWT
  }
  throw new OAuthError("invalid_client", "The client assertion must be a JWT whose iss and sub are the client_id", 401);
}

const remoteSets = new Map<string, JWTVerifyGetKey>();

function keysOf(client: { jwks: unknown; jwksUri: string | null }): JWTVerifyGetKey {
  if (client.jwksUri) {
    let set = remoteSets.get(client.jwksUri);
    if (!set) remoteSets.set(client.jwksUri, (set = createRemoteJWKSet(new URL(client.jwksUri), { timeoutDuration: 5000, cooldownDuration: 30_000 })));
    return set;
  }
  return createLocalJWKSet((client.jwks ?? { keys: [] }) as JSONWebKeySet);
}

function refused(why: string) {
  return new OAuthError("invalid_client", `Client assertion refused: ${why}`, 401);
}

export async function verifyClientAssertion(
  realm: { id: string; name: string },
  client: { clientId: string; jwks: unknown; jwksUri: string | null },
  assertion: string,
  endpointPath: string,
): Promise<void> {
  const issuer = issuerOf(realm.name);
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, keysOf(client), {
      issuer: client.clientId,
      subject: client.clientId,
      audience: [issuer, `${issuer}/protocol/openid-connect/token`, `${consoleOrigin()}${endpointPath}`],
      algorithms: [...clientAssertionAlgorithms],
      requiredClaims: ["exp", "jti"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (err) {
    if (err instanceof errors.JWKSNoMatchingKey) throw refused("no registered key matches its kid");
    if (err instanceof errors.JWTExpired) throw refused("it has expired");
    if (err instanceof errors.JWTClaimValidationFailed) throw refused(`the ${err.claim} claim is not acceptable`);
    if (err instanceof errors.JOSEAlgNotAllowed) throw refused(`algorithm not allowed (use ${clientAssertionAlgorithms.join(", ")})`);
    if (err instanceof errors.JWKSTimeout || (err instanceof errors.JOSEError && err.code === "ERR_JWKS_INVALID")) throw refused("the client's JWKS cannot be fetched");
    throw refused("its signature or form is not valid");
  }
  const now = Math.floor(Date.now() / 1000);
  const ahead = payload.exp! - now;
  if (ahead > MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    throw refused(`exp may be at most ${MAX_ASSERTION_LIFETIME_SECONDS} seconds ahead`);
  }
  const jti = payload.jti!;
  if (jti.length > 500) throw refused("the jti is too long");
  const key = `${env().CONFIG_CHANNEL_PREFIX}:realm-assertion-jti:${realm.id}:${client.clientId}:${jti}`;
  const ttlMs = (Math.max(ahead, 0) + CLOCK_TOLERANCE_SECONDS) * 1000;
  const stored = await redis().set(key, "1", "PX", ttlMs, "NX");
  if (stored !== "OK") throw refused("this assertion (jti) was already used");
}
