// OpenAPI entries for the portal's developer accounts: sign-up, invitations, approval and one's own account.
import { userResourceSchema } from "@/lib/iam/users/user-schemas";
import {
  changePasswordInputSchema,
  createdInvitationSchema,
  createInvitationInputSchema,
  deleteAccountInputSchema,
  deletedAccountSchema,
  signUpInputSchema,
  signUpResultSchema,
} from "@/lib/portal/accounts/portal-account-schemas";
import { routeDocs } from "../route-doc";

export const portalAccountsRoutes = routeDocs([
  {
    method: "post",
    path: "/signup",
    operationId: "signUp",
    summary: "Create a developer account in the portal",
    description:
      "The workspace's `portal.signUpMode` decides: open (the account signs in at once), approval (it waits for POST /users/{userId}/approve) or invitation (`invitation` must be the token of an unused, unexpired invitation for this email). 429 `rate_limited` after too many attempts from one address or for one email.",
    tag: "Users",
    body: signUpInputSchema,
    response: { status: 201, description: "The account and whether it may sign in yet", schema: signUpResultSchema },
    errors: [409, 429],
  },
  {
    method: "post",
    path: "/invitations",
    operationId: "createInvitation",
    summary: "Invite an email to sign up in the portal",
    description: "Answers the single-use sign-up link once; only the token's SHA-256 is stored.",
    tag: "Users",
    body: createInvitationInputSchema,
    response: { status: 201, description: "The invitation and its link", schema: createdInvitationSchema },
    errors: [409],
  },
  {
    method: "post",
    path: "/users/{userId}/approve",
    operationId: "approveUser",
    summary: "Approve a developer who signed up while sign-up needs approval",
    description: "409 when the account is not waiting for approval.",
    tag: "Users",
    response: { status: 200, description: "The user", schema: userResourceSchema },
    errors: [409],
  },
  {
    method: "post",
    path: "/me/password",
    operationId: "changeMyPassword",
    summary: "Change one's own password",
    description: "The current password is checked and counted like a sign-in (429 `rate_limited` after repeated failures). Every session signed in before ends, this one included: sign in again with the new password.",
    tag: "Users",
    body: changePasswordInputSchema,
    response: { status: 204, description: "Changed" },
    errors: [429],
  },
  {
    method: "delete",
    path: "/me",
    operationId: "deleteMyAccount",
    summary: "Delete one's own developer account",
    description: "Cancels the account's subscriptions first (the gateways refuse their keys), then deletes the account. Developers only.",
    tag: "Users",
    body: deleteAccountInputSchema,
    response: { status: 200, description: "What was cancelled", schema: deletedAccountSchema },
  },
]);
