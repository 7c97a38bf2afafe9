// A realm's signing keys as the management API shows them (public part and lifecycle only).
import { z } from "zod";
import { signingAlgorithms } from "./realm-schemas";

export const keyStates = ["staged", "active", "passive"] as const;

export const signingKeyResourceSchema = z
  .object({
    kid: z.string(),
    algorithm: z.enum(signingAlgorithms),
    state: z.enum(keyStates).describe("staged: published, not signing yet; active: signing; passive: published, verifying older tokens"),
    createdAt: z.string(),
    activatedAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
    removableAfter: z.string().nullable().describe("Passive keys: leaves the JWKS after this instant (the longest token lifetime)"),
  })
  .meta({ id: "RealmSigningKey" });
export type SigningKeyResource = z.infer<typeof signingKeyResourceSchema>;

export const rotateKeysInputSchema = z
  .object({ algorithm: z.enum(signingAlgorithms).optional().describe("Of the newly staged key; default the realm's") })
  .strict();
