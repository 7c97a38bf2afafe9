import { handleIntrospection } from "@/lib/iam/realms/oidc/introspection-endpoint";
import { protocolRoute } from "@/lib/iam/realms/oidc/protocol-route";

// POST /realms/{realm}/protocol/openid-connect/token/introspect - RFC 7662
export const POST = protocolRoute(handleIntrospection);
