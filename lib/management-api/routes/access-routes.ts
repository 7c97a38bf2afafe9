// OpenAPI entries for people and access: /me, /users, /tokens, /audit-events.
import { auditEventPageSchema, listAuditEventsQuerySchema } from "@/lib/audit/audit-event-schemas";
import {
  adminApiTokenPageSchema,
  adminApiTokenResourceSchema,
  createAdminApiTokenInputSchema,
  createdAdminApiTokenSchema,
  listAdminApiTokensQuerySchema,
} from "@/lib/iam/tokens/token-schemas";
import {
  createUserInputSchema,
  listUsersQuerySchema,
  meSchema,
  updateUserInputSchema,
  userPageSchema,
  userResourceSchema,
} from "@/lib/iam/users/user-schemas";
import { updateMeInputSchema } from "@/lib/iam/users/theme-preference-schemas";
import { routeDocs } from "../route-doc";

/** Read-only auditors: the viewer role sees who has access and what changed. */

export const accessRoutes = routeDocs([
  {
    method: "get",
    path: "/me",
    operationId: "getMe",
    summary: "Who the caller is",
    tag: "Users",
    response: { status: 200, description: "The caller", schema: meSchema },
  },
  {
    method: "patch",
    path: "/me",
    operationId: "updateMe",
    summary: "Set the caller's own preferences (the console and portal colour scheme)",
    description: "Also sets the portcullis-theme cookie, from which pages render the scheme before the first paint. 400 for a token without a user.",
    tag: "Users",
    body: updateMeInputSchema,
    response: { status: 200, description: "The stored preference", schema: updateMeInputSchema },
  },
  {
    method: "get",
    path: "/users",
    operationId: "listUsers",
    summary: "List users, a page at a time, filtered",
    description: "Cursor paging: pass `nextCursor` as `cursor` for the next page.",
    tag: "Users",
    query: listUsersQuerySchema,
    response: { status: 200, description: "A page of users", schema: userPageSchema },
  },
  {
    method: "post",
    path: "/users",
    operationId: "createUser",
    summary: "Add a user",
    tag: "Users",
    body: createUserInputSchema,
    response: { status: 201, description: "The user (never the password)", schema: userResourceSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/users/{userId}",
    operationId: "getUser",
    summary: "One user",
    tag: "Users",
    response: { status: 200, description: "The user", schema: userResourceSchema },
  },
  {
    method: "patch",
    path: "/users/{userId}",
    operationId: "updateUser",
    summary: "Rename, change role, disable, reset the password or unlock",
    description: "409 when it would leave no active platform admin. `unlock: true` ends a temporary lockout after repeated failed sign-ins (audited as user.unlocked).",
    tag: "Users",
    body: updateUserInputSchema,
    response: { status: 200, description: "The user", schema: userResourceSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/tokens",
    operationId: "listAdminApiTokens",
    summary: "List management API tokens, newest first, a page at a time (never the secret)",
    tag: "API tokens",
    query: listAdminApiTokensQuerySchema,
    response: { status: 200, description: "A page of tokens", schema: adminApiTokenPageSchema },
  },
  {
    method: "post",
    path: "/tokens",
    operationId: "createAdminApiToken",
    summary: "Create a management API token; the secret is answered once",
    description: "The token's role may not exceed its creator's. Only the SHA-256 of the secret is stored.",
    tag: "API tokens",
    body: createAdminApiTokenInputSchema,
    response: { status: 201, description: "The token and its secret", schema: createdAdminApiTokenSchema },
  },
  {
    method: "delete",
    path: "/tokens/{tokenId}",
    operationId: "revokeAdminApiToken",
    summary: "Revoke a token; it answers 401 from then on",
    tag: "API tokens",
    response: { status: 200, description: "The revoked token", schema: adminApiTokenResourceSchema },
  },
  {
    method: "get",
    path: "/audit-events",
    operationId: "listAuditEvents",
    summary: "The audit log, newest first, filtered and paginated",
    tag: "Audit log",
    query: listAuditEventsQuerySchema,
    response: { status: 200, description: "A page of events", schema: auditEventPageSchema },
  },
]);
