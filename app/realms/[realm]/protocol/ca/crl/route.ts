import { handleRealmCrl } from "@/lib/iam/realms/oidc/realm-crl-endpoint";
import { protocolRoute } from "@/lib/iam/realms/oidc/protocol-route";

// GET /realms/{realm}/protocol/ca/crl - the realm CA's certificate revocation list (DER, RFC 5280)
export const GET = protocolRoute((realm) => handleRealmCrl(realm));
