import { NextResponse } from "next/server";
import { approveUser } from "@/lib/iam/users/approve-user";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/users/{userId}/approve - let a developer who signed up (sign-up mode "approval") sign in; audited
export const POST = withAuth<{ userId: string }>(async ({ params, actor }) => NextResponse.json(await approveUser(params.userId, actor)), {
  route: "POST /users/{userId}/approve",
});
