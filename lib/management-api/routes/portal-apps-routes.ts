// OpenAPI entries for a developer's apps (/me/apps) and binding one to a subscription.
import {
  appPageSchema,
  appResourceSchema,
  appTokenSchema,
  bindAppInputSchema,
  createAppInputSchema,
  createdAppSchema,
  listAppsQuerySchema,
  rotatedAppSecretSchema,
  subscriptionAppBindingSchema,
} from "@/lib/portal/apps/portal-app-schemas";
import { routeDocs } from "../route-doc";

const tag = "My apps";
const scoped =
  "Only the caller's own apps in the portal's realm (settings portal.realm; unset: 409): another user's app id answers 404. An API token acts for the user who created it.";

export const portalAppsRoutes = routeDocs([
  {
    method: "get",
    path: "/me/apps",
    operationId: "listMyApps",
    summary: "My apps, newest first, a page at a time",
    description:
      "Only the caller's own apps in the portal's realm; none (an empty page) without a portal realm or for the bootstrap token, which acts for no user. Secrets are never listed.",
    tag,
    query: listAppsQuerySchema,
    response: { status: 200, description: "A page of apps", schema: appPageSchema },
  },
  {
    method: "post",
    path: "/me/apps",
    operationId: "createMyApp",
    summary: "Register an app: a confidential client_credentials client in the portal's realm",
    description: `The client id is generated; the secret (256 random bits) is answered once and stored as its SHA-256. An admin grants its roles in the realm page. Audited as portal.app_created. ${scoped}`,
    tag,
    body: createAppInputSchema,
    response: { status: 201, description: "The app and its secret", schema: createdAppSchema },
    errors: [409],
  },
  {
    method: "get",
    path: "/me/apps/{appId}",
    operationId: "getMyApp",
    summary: "One of my apps: its client id, roles and bound subscriptions",
    description: scoped,
    tag,
    response: { status: 200, description: "The app", schema: appResourceSchema },
    errors: [409],
  },
  {
    method: "delete",
    path: "/me/apps/{appId}",
    operationId: "deleteMyApp",
    summary: "Delete one of my apps (its client and secret)",
    description: `Subscriptions bound to it are unbound. Tokens already issued end when they expire. Audited as portal.app_deleted. ${scoped}`,
    tag,
    response: { status: 204, description: "Deleted" },
    errors: [409],
  },
  {
    method: "post",
    path: "/me/apps/{appId}/secret",
    operationId: "rotateMyAppSecret",
    summary: "A new secret for my app; the old one stops working at once",
    description: `Shown only in this answer. Audited as portal.app_secret_rotated. ${scoped}`,
    tag,
    response: { status: 200, description: "The new secret", schema: rotatedAppSecretSchema },
    errors: [409],
  },
  {
    method: "post",
    path: "/me/apps/{appId}/token",
    operationId: "getMyAppToken",
    summary: "An access token of my app (client_credentials), without sending its secret",
    description: `The realm's token endpoint logic (roles, client scopes, lifetime) for the caller's own app; the caller's credentials stand in for the secret. 409 when the realm or the app is disabled. ${scoped}`,
    tag,
    response: { status: 200, description: "The access token and when it expires", schema: appTokenSchema },
    errors: [409],
  },
  {
    method: "put",
    path: "/subscriptions/{subscriptionId}/app",
    operationId: "bindSubscriptionApp",
    summary: "Bind my subscription to one of my apps",
    description:
      "Where the API also validates a JWT, the gateway then accepts the subscription's key only with a token issued to that app (its `azp` or `client_id`), else 403 client_not_bound. Both must be the caller's own (others': 404). Audited as subscription.app_bound.",
    tag,
    body: bindAppInputSchema,
    response: { status: 200, description: "The binding", schema: subscriptionAppBindingSchema },
    errors: [409],
  },
  {
    method: "delete",
    path: "/subscriptions/{subscriptionId}/app",
    operationId: "unbindSubscriptionApp",
    summary: "Unbind my subscription from its app: any client's token goes with the key again",
    description: "The caller's own subscriptions only (others': 404). Audited as subscription.app_unbound.",
    tag,
    response: { status: 200, description: "The binding, now empty", schema: subscriptionAppBindingSchema },
  },
]);
