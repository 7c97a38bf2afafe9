// Developer accounts of the portal: sign-up, invitations, and a developer's own password and
// account. One schema per request and answer, read by the routes, the forms and the OpenAPI document.
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text";
import { passwordSchema } from "@/lib/iam/users/user-schemas";

const emailSchema = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase())
  .describe("Sign-in email, unique (case-insensitive)");

export const signUpInputSchema = z.object({
  email: emailSchema,
  name: safeText().trim().min(1, "enter your name").max(200).describe("Display name"),
  password: passwordSchema,
  invitation: z
    .string()
    .min(16)
    .max(200)
    .optional()
    .describe("The token of the sign-up link an admin sent (required when the workspace's sign-up mode is 'invitation')"),
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const signUpResultSchema = z
  .object({
    status: z.enum(["active", "awaiting_approval"]).describe("active: sign in now; awaiting_approval: a platform admin approves the account first"),
    email: z.string(),
  })
  .meta({ id: "SignUpResult" });
export type SignUpResult = z.infer<typeof signUpResultSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().min(1, "enter your current password").max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export const deleteAccountInputSchema = z.object({
  confirm: z.literal(true).describe("Must be true: the account and its subscriptions are gone for good"),
});

export const deletedAccountSchema = z
  .object({ cancelledSubscriptions: z.number().int().describe("Subscriptions cancelled with the account") })
  .meta({ id: "DeletedAccount" });

export const createInvitationInputSchema = z.object({
  email: emailSchema.describe("Who may sign up with the link"),
  expiresInDays: z.number().int().min(1).max(30).default(7).describe("The link stops working after this many days"),
});
export type CreateInvitationInput = z.input<typeof createInvitationInputSchema>;

export const createdInvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    expiresAt: z.string().describe("ISO 8601"),
    signUpUrl: z.string().describe("The single-use sign-up link; shown once, only its hash is stored"),
  })
  .meta({ id: "CreatedInvitation" });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;
