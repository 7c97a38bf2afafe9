import { handleBrokerLogin } from "@/lib/iam/realms/broker/broker-login";
import { brokerPageRoute } from "@/lib/iam/realms/broker/broker-page-route";

// GET /realms/{realm}/broker/{alias}/login - "Sign in with …": to the identity provider, carrying the authorization request
export const GET = brokerPageRoute((realm, alias, request) => handleBrokerLogin(realm, alias, new URL(request.url)));
