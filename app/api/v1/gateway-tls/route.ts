import { NextResponse } from "next/server";
import { readJson, withAuth } from "@/lib/http/with-auth";
import { clearGatewayTls } from "@/lib/gateway-tls/clear-gateway-tls";
import { getGatewayTls } from "@/lib/gateway-tls/get-gateway-tls";
import { gatewayTlsInputSchema } from "@/lib/gateway-tls/gateway-tls-schemas";
import { setGatewayTls } from "@/lib/gateway-tls/set-gateway-tls";

// GET /api/v1/gateway-tls - the certificate the gateways' HTTPS listeners present
export const GET = withAuth(async () => NextResponse.json(await getGatewayTls()), { route: "GET /gateway-tls" });

// PUT /api/v1/gateway-tls - set certificate and key (platform admins); gateways swap it in without dropping connections
export const PUT = withAuth(
  async ({ request, actor }) => NextResponse.json(await setGatewayTls(gatewayTlsInputSchema.parse(await readJson(request)), actor)),
  { route: "PUT /gateway-tls" },
);

// DELETE /api/v1/gateway-tls - back to each gateway's GATEWAY_TLS_CERT_FILE
export const DELETE = withAuth(async ({ actor }) => NextResponse.json(await clearGatewayTls(actor)), { route: "DELETE /gateway-tls" });
