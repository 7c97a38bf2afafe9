import { NextResponse } from "next/server";
import { getRealmCa } from "@/lib/iam/realms/realm-ca";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/realms/{realm}/certificate-authority - the CA certificate and its revocation list
export const GET = withAuth<{ realm: string }>(async ({ params }) => NextResponse.json(await getRealmCa(params.realm)), {
  route: "GET /realms/{realm}/certificate-authority",
});
