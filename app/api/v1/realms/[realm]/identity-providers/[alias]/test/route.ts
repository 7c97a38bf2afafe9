import { NextResponse } from "next/server";
import { testIdentityProvider } from "@/lib/iam/realms/realm-identity-providers";
import { withAuth } from "@/lib/http/with-auth";

type Params = { realm: string; alias: string };

// POST /api/v1/realms/{realm}/identity-providers/{alias}/test - fetch discovery and the JWKS now, report keys or the error
export const POST = withAuth<Params>(async ({ params }) => NextResponse.json(await testIdentityProvider(params.realm, params.alias)), {
  route: "POST /realms/{realm}/identity-providers/{alias}/test",
});
