// A developer's apps (portal My apps): request schemas and response shapes. An app is a
// confidential OAuth client (client_credentials) in the realm the workspace names for the portal
// (settings portal.realm), owned by the developer who registered it. Its secret is answered only
// when it is created or rotated; only its SHA-256 is stored, as for every realm client.
import { z } from "zod";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import { safeText } from "@/lib/http/safe-text";

export const createAppInputSchema = z
  .object({
    name: safeText().trim().min(1, "Give your app a name").max(100).describe("Shown to you in the portal and to admins beside the client id"),
    description: safeText().trim().max(1000).default("").describe("What the app is for (optional)"),
  })
  .strict();
export type CreateAppInput = z.infer<typeof createAppInputSchema>;

export const listAppsQuerySchema = z.object({ ...pageQueryFields });
export type ListAppsQuery = z.infer<typeof listAppsQuerySchema>;

export const appResourceSchema = z
  .object({
    id: z.string().describe("The app's id in the management API (/me/apps/{appId})"),
    name: z.string(),
    description: z.string(),
    clientId: z.string().describe("Its OAuth client_id in the portal's realm, and the `azp` of its tokens"),
    realm: z.string().describe("The realm it is a client of"),
    enabled: z.boolean().describe("A disabled app (by an admin, in the realm page) gets no tokens"),
    roles: z.array(z.string()).describe("Realm roles it holds, in its tokens' realm_access.roles; granted by an admin in the realm page"),
    boundSubscriptions: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe("Your subscriptions whose key the gateway accepts only with this app's tokens"),
    createdAt: z.string(),
  })
  .meta({ id: "PortalApp" });
export type AppResource = z.infer<typeof appResourceSchema>;

export const appPageSchema = pageOf(appResourceSchema, "PortalAppPage", "Newest first");

export const createdAppSchema = z
  .object({
    app: appResourceSchema,
    clientSecret: z.string().describe("256 random bits; shown only in this answer, stored only as its SHA-256"),
  })
  .meta({ id: "CreatedPortalApp" });
export type CreatedApp = z.infer<typeof createdAppSchema>;

export const rotatedAppSecretSchema = z
  .object({ clientId: z.string(), clientSecret: z.string().describe("The new secret, shown only here; the old one stopped working") })
  .meta({ id: "RotatedPortalAppSecret" });
export type RotatedAppSecret = z.infer<typeof rotatedAppSecretSchema>;

export const appTokenSchema = z
  .object({
    accessToken: z.string().describe("A client_credentials access token of the app, as the realm's token endpoint issues it"),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().describe("Seconds it stays valid"),
    expiresAt: z.string().describe("When it expires (ISO 8601)"),
    scope: z.string(),
    clientId: z.string(),
  })
  .meta({ id: "PortalAppToken" });
export type AppToken = z.infer<typeof appTokenSchema>;

export const bindAppInputSchema = z
  .object({ appId: z.string().min(1).max(100).describe("One of your apps (GET /me/apps)") })
  .strict();
export type BindAppInput = z.infer<typeof bindAppInputSchema>;

export const subscriptionAppBindingSchema = z
  .object({
    subscriptionId: z.string(),
    appId: z.string().nullable().describe("The bound app; null: none (any client's token goes with the key)"),
    clientId: z.string().nullable().describe("The bound app's client id, which the gateway compares with the token's azp or client_id"),
  })
  .meta({ id: "SubscriptionAppBinding" });
export type SubscriptionAppBinding = z.infer<typeof subscriptionAppBindingSchema>;
