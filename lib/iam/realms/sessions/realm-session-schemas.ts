// A realm's sessions: one per sign-in (a refresh-token family started by authorization_code),
// listed for admins and revocable one by one or per user ("sign out everywhere").
import { z } from "zod";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import { safeText } from "@/lib/http/safe-text";

export const listRealmSessionsQuerySchema = z.object({
  ...pageQueryFields,
  userId: safeText().trim().min(1).max(200).optional().describe("Only this user's sessions"),
  username: safeText().trim().min(1).max(200).optional().describe("Only the sessions of the user with this username (exact, case-insensitive)"),
  clientId: safeText().trim().min(1).max(200).optional().describe("Only the sessions of this client (its OAuth client_id)"),
});
export type ListRealmSessionsQuery = z.infer<typeof listRealmSessionsQuerySchema>;

export const realmSessionSchema = z
  .object({
    id: z.string().describe("The session id: the `sid` claim of its access tokens"),
    userId: z.string(),
    username: z.string(),
    clientId: z.string().describe("The OAuth client_id it signed in to"),
    scope: z.string(),
    startedAt: z.string().describe("ISO 8601: the sign-in"),
    lastUsedAt: z.string().describe("ISO 8601: the last refresh (the sign-in if never refreshed)"),
    expiresAt: z.string().describe("ISO 8601: when its refresh token stops working"),
  })
  .meta({ id: "RealmSession" });
export type RealmSessionResource = z.infer<typeof realmSessionSchema>;

export const realmSessionPageSchema = pageOf(realmSessionSchema, "RealmSessionPage", "Active sessions, newest sign-in first");

export const realmUserLogoutSchema = z
  .object({ revokedSessions: z.number().int().describe("How many active sessions ended") })
  .meta({ id: "RealmUserLogout" });
