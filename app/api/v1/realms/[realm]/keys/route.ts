import { NextResponse } from "next/server";
import { listSigningKeys } from "@/lib/iam/realms/signing-keys";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/realms/{realm}/keys - active first, then staged, then passive (public data only)
export const GET = withAuth<{ realm: string }>(async ({ params }) => NextResponse.json({ items: await listSigningKeys(params.realm) }), {
  route: "GET /realms/{realm}/keys",
});
