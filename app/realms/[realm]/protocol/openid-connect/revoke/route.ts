import { protocolRoute } from "@/lib/iam/realms/oidc/protocol-route";
import { handleRevocation } from "@/lib/iam/realms/oidc/revocation-endpoint";

// POST /realms/{realm}/protocol/openid-connect/revoke - RFC 7009
export const POST = protocolRoute(handleRevocation);
