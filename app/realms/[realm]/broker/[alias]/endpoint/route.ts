import { handleBrokerCallback } from "@/lib/iam/realms/broker/broker-callback";
import { brokerPageRoute } from "@/lib/iam/realms/broker/broker-page-route";

// GET /realms/{realm}/broker/{alias}/endpoint - the identity provider's callback; continues the realm's authorization request
export const GET = brokerPageRoute(handleBrokerCallback);
