// Revocation at the gateway (contract/gateway-denial.ts): after a token verifies, its jti,
// its login (sid), its client (azp, else client_id) and its user (sub) are looked up in the
// config's denials for the token's issuer. Four Map reads; none when the config has no denials.
import type { DenialKind, RuntimeConfig } from "../config/compile-config.js";

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The first reason these verified claims are denied at `nowMs`, or null. */
export function deniedKindOf(config: Pick<RuntimeConfig, "isDenied">, claims: Readonly<Record<string, unknown>>, nowMs: number): DenialKind | null {
  const issuer = str(claims.iss);
  if (!issuer) return null;
  const checks: [DenialKind, string | undefined][] = [
    ["token", str(claims.jti)],
    ["client", str(claims.azp) ?? str(claims.client_id)],
    ["subject", str(claims.sub)],
    ["session", str(claims.sid)],
  ];
  for (const [kind, value] of checks) if (value !== undefined && config.isDenied(kind, issuer, value, nowMs)) return kind;
  return null;
}
