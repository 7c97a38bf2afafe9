// Every documented route of the management API, grouped by context. A new route under
// app/api/v1 gets one entry in the matching routes/* file (test/openapi enforces it).
import type { RouteDoc } from "./route-doc";
import { accessRoutes } from "./routes/access-routes";
import { analyticsRoutes } from "./routes/analytics-routes";
import { apiRevisionsRoutes } from "./routes/api-revisions-routes";
import { apisRoutes } from "./routes/apis-routes";
import { gatewayPolicyRoutes } from "./routes/gateway-policy-routes";
import { gatewayRoutes } from "./routes/gateway-routes";
import { gatewayTlsRoutes } from "./routes/gateway-tls-routes";
import { mfaRoutes } from "./routes/mfa-routes";
import { portalAppsRoutes } from "./routes/portal-apps-routes";
import { portalAccountsRoutes } from "./routes/portal-accounts-routes";
import { productsRoutes } from "./routes/products-routes";
import { realmsRoutes } from "./routes/realms-routes";
import { realmIdentityProvidersRoutes } from "./routes/realm-identity-providers-routes";
import { realmClientScopesRoutes } from "./routes/realm-client-scopes-routes";
import { subscriptionsRoutes } from "./routes/subscriptions-routes";
import { versionSetsRoutes } from "./routes/version-sets-routes";
import { workspaceRoutes } from "./routes/workspace-routes";

export const managementApiRoutes: readonly RouteDoc[] = [
  ...apisRoutes,
  ...gatewayPolicyRoutes,
  ...apiRevisionsRoutes,
  ...versionSetsRoutes,
  ...productsRoutes,
  ...subscriptionsRoutes,
  ...accessRoutes,
  ...portalAccountsRoutes,
  ...workspaceRoutes,
  ...gatewayRoutes,
  ...analyticsRoutes,
  ...realmsRoutes,
  ...realmIdentityProvidersRoutes,
  ...realmClientScopesRoutes,
  ...gatewayTlsRoutes,
  ...mfaRoutes,
  ...portalAppsRoutes,
];
