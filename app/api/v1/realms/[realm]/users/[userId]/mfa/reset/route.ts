import { NextResponse } from "next/server";
import { resetRealmUserMfa } from "@/lib/iam/mfa/reset-mfa";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/realms/{realm}/users/{userId}/mfa/reset - remove a realm user's second factors (lost device); audited
export const POST = withAuth<{ realm: string; userId: string }>(
  async ({ params, actor }) => NextResponse.json(await resetRealmUserMfa(params.realm, params.userId, actor)),
  { route: "POST /realms/{realm}/users/{userId}/mfa/reset" },
);
