import { protocolRoute } from "@/lib/iam/realms/oidc/protocol-route";
import { handleUserinfo } from "@/lib/iam/realms/oidc/userinfo-endpoint";

// GET/POST /realms/{realm}/protocol/openid-connect/userinfo - OIDC Core 5.3
export const GET = protocolRoute(handleUserinfo);
export const POST = protocolRoute(handleUserinfo);
