import { NextResponse } from "next/server";
import { unlinkIdentity } from "@/lib/iam/realms/broker/identity-links";
import { withAuth } from "@/lib/http/with-auth";

// DELETE /api/v1/realms/{realm}/users/{userId}/identity-links/{alias} - unlink the user's identity at that provider; audited
export const DELETE = withAuth<{ realm: string; userId: string; alias: string }>(
  async ({ params, actor }) => NextResponse.json(await unlinkIdentity(params.realm, params.userId, params.alias, actor)),
  { route: "DELETE /realms/{realm}/users/{userId}/identity-links/{alias}" },
);
