// One jose remote JWKS per jwksUri, shared by every API that names it and kept
// across config swaps, so a new snapshot never refetches keys it already has.
// jose caches the key set (cacheMaxAge), refetches at most once per cooldown
// when a token names an unknown `kid` (key rotation), and times fetches out.
// Failures to obtain keys become JwksUnavailableError (503), kept apart from
// token errors (401); after one, calls fail fast for a short while instead of
// making every request wait for the same unreachable server. Either way the
// issuer sees at most one fetch per cooldown/back-off window.
import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from "jose";

export const JWKS_FETCH_OPTIONS = {
  /** One JWKS fetch may take this long (ms) before the request gets a 503. */
  timeoutDuration: 3_000,
  /**
   * An unknown `kid` refetches the set at most this often (ms), so random kids cannot flood the issuer;
   * short enough that a real rotation is picked up within it even while a flood of unknown kids runs
   * (the flood only ever holds the window open this long, never longer).
   */
  cooldownDuration: 5_000,
  /** Keys are refetched this often (ms), so a key the issuer removed stops being accepted. */
  cacheMaxAge: 10 * 60_000,
} as const;
/** After a failed fetch, requests fail fast this long (ms) rather than each waiting for a timeout. */
export const JWKS_FAILURE_BACKOFF_MS = 5_000;
/** Bound on distinct URIs kept; the oldest is dropped first (configs rarely name more than a few). */
const MAX_CACHED_JWKS = 256;

export class JwksUnavailableError extends Error {
  constructor(jwksUri: string, cause: unknown) {
    super(`JWKS at ${jwksUri} unavailable`, { cause });
    this.name = "JwksUnavailableError";
  }
}

/** What the resolver throws that is the token's fault (no key for its kid/alg), not the JWKS server's. */
function isTokenProblem(err: unknown): boolean {
  return (
    err instanceof errors.JWKSNoMatchingKey ||
    err instanceof errors.JWKSMultipleMatchingKeys ||
    err instanceof errors.JOSENotSupported ||
    err instanceof errors.JOSEAlgNotAllowed
  );
}

function createResolver(jwksUri: string): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUri), JWKS_FETCH_OPTIONS);
  let failedAt = Number.NEGATIVE_INFINITY;
  return async (protectedHeader, token) => {
    // No fetch at all during the back-off, not even for an unknown kid (jose's cool-down
    // only starts after a successful fetch): keys already held still verify, others wait.
    if (Date.now() - failedAt < JWKS_FAILURE_BACKOFF_MS) {
      const held = remote.fresh ? remote.jwks() : undefined;
      if (!held) throw new JwksUnavailableError(jwksUri, new Error("recent fetch failed; backing off"));
      return createLocalJWKSet(held)(protectedHeader, token);
    }
    try {
      return await remote(protectedHeader, token);
    } catch (err) {
      if (isTokenProblem(err)) throw err;
      failedAt = Date.now();
      throw new JwksUnavailableError(jwksUri, err);
    }
  };
}

const resolvers = new Map<string, JWTVerifyGetKey>();

export function remoteJwksFor(jwksUri: string): JWTVerifyGetKey {
  let resolver = resolvers.get(jwksUri);
  if (!resolver) {
    if (resolvers.size >= MAX_CACHED_JWKS) resolvers.delete(resolvers.keys().next().value!);
    resolver = createResolver(jwksUri);
    resolvers.set(jwksUri, resolver);
  }
  return resolver;
}

/** Tests only: forget every cached key set. */
export function clearJwksCache(): void {
  resolvers.clear();
}
