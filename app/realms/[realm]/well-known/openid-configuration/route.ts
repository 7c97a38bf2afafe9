import { handleDiscovery } from "@/lib/iam/realms/oidc/discovery";
import { protocolRoute } from "@/lib/iam/realms/oidc/protocol-route";

// GET /realms/{realm}/.well-known/openid-configuration (rewritten here by next.config.ts:
// the App Router does not route folders whose names start with a dot).
export const GET = protocolRoute((realm) => handleDiscovery(realm));
