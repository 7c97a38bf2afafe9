// A realm user's linked identities: (identity provider, its subject) pairs that sign in as them.
import { z } from "zod";

export const identityLinkResourceSchema = z
  .object({
    alias: z.string().describe("The identity provider"),
    subject: z.string().describe("The user's `sub` at the provider"),
    email: z.string().nullable().describe("The email the provider gave at the last sign-in"),
    createdAt: z.string(),
    lastSignInAt: z.string(),
  })
  .meta({ id: "RealmUserIdentityLink" });
export type IdentityLinkResource = z.infer<typeof identityLinkResourceSchema>;

export const identityLinkListSchema = z
  .object({ items: z.array(identityLinkResourceSchema).describe("By alias; at most one per identity provider") })
  .meta({ id: "RealmUserIdentityLinkList" });
