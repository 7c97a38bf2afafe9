import { handleJwks } from "@/lib/iam/realms/oidc/discovery";
import { protocolRoute } from "@/lib/iam/realms/oidc/protocol-route";

// GET /realms/{realm}/protocol/openid-connect/certs - the realm's JWKS (staged, active and passive keys)
export const GET = protocolRoute((realm) => handleJwks(realm));
