// OpenAPI entries for the gateways' side of the console: config delivery.
import { configDeliverySchema } from "@/lib/config-channel/delivery/config-delivery-schema";
import { routeDocs } from "../route-doc";

export const gatewayRoutes = routeDocs([
  {
    method: "get",
    path: "/config-delivery",
    operationId: "getConfigDelivery",
    summary: "Whether every acknowledged change has reached the gateways",
    description:
      "A change the API acknowledged is owed to the gateways until a snapshot holding it is stored in Redis; failed publishes are retried until then. `failing` carries the last error.",
    tag: "Gateways",
    response: { status: 200, description: "The delivery status", schema: configDeliverySchema },
  },
]);
