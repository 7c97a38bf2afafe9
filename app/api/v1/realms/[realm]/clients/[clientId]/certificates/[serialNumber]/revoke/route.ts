import { NextResponse } from "next/server";
import { revokeClientCertificate } from "@/lib/iam/realms/realm-ca";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/realms/{realm}/clients/{clientId}/certificates/{serialNumber}/revoke - refused by gateways from the next config on
export const POST = withAuth<{ realm: string; clientId: string; serialNumber: string }>(
  async ({ params, actor }) => NextResponse.json(await revokeClientCertificate(params.realm, params.clientId, params.serialNumber, actor)),
  { route: "POST /realms/{realm}/clients/{clientId}/certificates/{serialNumber}/revoke" },
);
