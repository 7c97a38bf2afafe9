import { NextResponse } from "next/server";
import { rotateClientSecret } from "@/lib/iam/realms/realm-clients";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/realms/{realm}/clients/{clientId}/rotate-secret - the new secret, shown once; the old one stops now
export const POST = withAuth<{ realm: string; clientId: string }>(
  async ({ params, actor }) => {
    const response = NextResponse.json(await rotateClientSecret(params.realm, params.clientId, actor));
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "POST /realms/{realm}/clients/{clientId}/rotate-secret" },
);
