// OpenAPI entries for the certificate the gateways' HTTPS listeners present.
import { gatewayTlsInputSchema, gatewayTlsResourceSchema } from "@/lib/gateway-tls/gateway-tls-schemas";
import { routeDocs } from "../route-doc";

export const gatewayTlsRoutes = routeDocs([
  {
    method: "get",
    path: "/gateway-tls",
    operationId: "getGatewayTls",
    summary: "The HTTPS certificate the gateways present",
    description: "`configured: false`: each gateway presents its own GATEWAY_TLS_CERT_FILE, if it has one. The private key is never returned.",
    tag: "Gateways",
    response: { status: 200, description: "The certificate", schema: gatewayTlsResourceSchema },
  },
  {
    method: "put",
    path: "/gateway-tls",
    operationId: "setGatewayTls",
    summary: "Set the HTTPS certificate and key of every gateway",
    description:
      "Replaces each gateway's certificate files while set. Refused (422 invalid_certificate, with `problems` at JSON pointers) when a certificate cannot be read or has expired, the key is encrypted or does not match. Stored encrypted, sent to the gateways sealed with GATEWAY_SECRETS_KEY; they swap it in for new connections without dropping open ones.",
    tag: "Gateways",
    body: gatewayTlsInputSchema,
    response: { status: 200, description: "The certificate now in force", schema: gatewayTlsResourceSchema },
    errors: [422],
  },
  {
    method: "delete",
    path: "/gateway-tls",
    operationId: "clearGatewayTls",
    summary: "Remove it: the gateways go back to their certificate files",
    tag: "Gateways",
    response: { status: 200, description: "No certificate set in the console", schema: gatewayTlsResourceSchema },
  },
]);
