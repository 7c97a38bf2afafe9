// The realm resource: request schemas and response shape. A realm is an OpenID Connect issuer
// at /realms/{name} on the console's origin (issuer-url.ts).
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";

/** The URL slug: Keycloak-style realm names, lowercase so two realms never differ only by case. */
export const realmNameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "lowercase letters, digits and dashes, 1-63 characters, no dash at either end")
  .describe("Unique slug in the issuer URL (/realms/{name})");

const lifetime = (what: string, max: number) => z.number().int().min(10).max(max).describe(`${what}, in seconds`);

export const signingAlgorithms = ["RS256", "ES256"] as const;

export const createRealmInputSchema = z
  .object({
    name: realmNameSchema,
    displayName: safeText().trim().min(1).max(200).optional().describe("Shown on the login page; defaults to the name"),
    signingAlgorithm: z.enum(signingAlgorithms).optional().describe("Algorithm of the realm's keys (default RS256)"),
  })
  .strict();
export type CreateRealmInput = z.infer<typeof createRealmInputSchema>;

export const updateRealmInputSchema = z
  .object({
    displayName: safeText().trim().min(1).max(200).optional(),
    enabled: z.boolean().optional().describe("A disabled realm issues no tokens and its discovery answers 404"),
    accessTokenLifetimeSeconds: lifetime("Access token lifetime (default 300)", 86_400).optional(),
    refreshTokenLifetimeSeconds: lifetime("Refresh token lifetime (default 1800)", 30 * 86_400).optional(),
    signingAlgorithm: z.enum(signingAlgorithms).optional().describe("Applies to keys created from now on"),
    keyRotationIntervalSeconds: z
      .number()
      .int()
      .min(3600)
      .max(365 * 86_400)
      .nullable()
      .optional()
      .describe("Rotate the signing key on this schedule; null = manual rotation only"),
    mfaRequired: z.boolean().optional().describe("Login policy: users sign in with a second factor (TOTP), enrolling one at their next sign-in"),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one field");
export type UpdateRealmInput = z.infer<typeof updateRealmInputSchema>;

export const realmResourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    displayName: z.string(),
    enabled: z.boolean(),
    issuer: z.string().describe("The `iss` of its tokens; discovery at {issuer}/.well-known/openid-configuration"),
    accessTokenLifetimeSeconds: z.number().int(),
    refreshTokenLifetimeSeconds: z.number().int(),
    signingAlgorithm: z.enum(signingAlgorithms),
    keyRotationIntervalSeconds: z.number().int().nullable(),
    mfaRequired: z.boolean().describe("Users must sign in with a second factor"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Realm" });
export type RealmResource = z.infer<typeof realmResourceSchema>;

export const listRealmsQuerySchema = z.object({ ...pageQueryFields });
export type ListRealmsQuery = z.infer<typeof listRealmsQuerySchema>;

export const realmPageSchema = pageOf(realmResourceSchema, "RealmPage", "By name");
