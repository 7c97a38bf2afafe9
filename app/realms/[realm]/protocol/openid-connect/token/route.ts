import { protocolRoute } from "@/lib/iam/realms/oidc/protocol-route";
import { handleTokenRequest } from "@/lib/iam/realms/oidc/token-endpoint";

// POST /realms/{realm}/protocol/openid-connect/token - client_credentials, authorization_code, refresh_token
export const POST = protocolRoute(handleTokenRequest);
