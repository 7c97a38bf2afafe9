import { NextResponse } from "next/server";
import { resetUserMfa } from "@/lib/iam/mfa/reset-mfa";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/users/{userId}/mfa/reset - remove a user's second factors and recovery codes (lost device); audited
export const POST = withAuth<{ userId: string }>(async ({ params, actor }) => NextResponse.json(await resetUserMfa(params.userId, actor)), {
  route: "POST /users/{userId}/mfa/reset",
});
