// Which JWS algorithms an API's bearer tokens may be signed with. Keys come from
// the issuer's JWKS, i.e. public keys, so only asymmetric algorithms make sense:
// `none` would accept unsigned tokens, and HS* would treat a public key as a
// shared secret (the classic RS256-to-HS256 confusion). The gateway checks a
// token's header `alg` against this list before it looks up any key.
import { z } from "zod";

export const JWT_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;

export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

function refusal(input: unknown): string {
  const alg = String(input);
  if (alg.toLowerCase() === "none") return "'none' is refused: it accepts unsigned tokens";
  if (/^HS/i.test(alg)) return `'${alg}' is refused: keys come from a JWKS (public keys), and HMAC would treat a public key as a shared secret`;
  return `'${alg}' is not a supported signing algorithm (one of ${JWT_ALGORITHMS.join(", ")})`;
}

export const jwtAlgorithmSchema = z.enum(JWT_ALGORITHMS, { error: (issue) => refusal(issue.input) });

export const jwtAlgorithmsSchema = z
  .array(jwtAlgorithmSchema)
  .min(1)
  .max(JWT_ALGORITHMS.length)
  .refine((list) => new Set(list).size === list.length, "each algorithm once")
  .default([...JWT_ALGORITHMS]);
