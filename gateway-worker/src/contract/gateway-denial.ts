// Revocation as the gateway sees it (realms publish these; see config-delta.ts for how they travel).
import { z } from "zod";

/**
 * Something a gateway refuses even though its signature and claims are valid:
 * a revoked token (`value` is its jti), a disabled client (client_id / azp), a
 * disabled user (sub) or a revoked login (`value` is the `sid` claim: the refresh
 * family its access tokens came from), of one issuer. A token or session denial
 * expires with the tokens it covers; client and subject denials last until re-enabled.
 */
export const gatewayDenialSchema = z.object({
  kind: z.enum(["token", "client", "subject", "session"]),
  issuer: z.string().min(1),
  value: z.string().min(1),
  expiresAt: z.string().datetime().nullable(),
});
export type GatewayDenial = z.infer<typeof gatewayDenialSchema>;

/** One identity per denial, so an upsert replaces and a removal finds it. */
export function denialId(denial: Pick<GatewayDenial, "kind" | "issuer" | "value">): string {
  return `${denial.kind}\u0000${denial.issuer}\u0000${denial.value}`;
}
