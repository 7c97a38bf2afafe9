// OpenAPI entries for the gateways' side of the console: config delivery and the running instances.
import { configDeliverySchema } from "@/lib/config-channel/delivery/config-delivery-schema";
import { gatewayListSchema } from "@/lib/gateways/gateway-schemas";
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
  {
    method: "get",
    path: "/gateways",
    operationId: "listGateways",
    summary: "List the running gateway instances",
    description:
      "Each gateway registers itself in Redis and refreshes it every heartbeat (10 s by default). `lagging`: it serves an older config than Redis holds, a heartbeat's time after the newer one was stored; `silent`: it missed three heartbeats (a gateway that stops cleanly leaves the list). 503 gateway_registry_unavailable when Redis cannot be reached.",
    tag: "Gateways",
    response: { status: 200, description: "The gateway instances", schema: gatewayListSchema },
    errors: [503],
  },
]);
