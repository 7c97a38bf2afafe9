import { NextResponse } from "next/server";
import { logoutRealmUser } from "@/lib/iam/realms/sessions/realm-sessions";
import { withAuth } from "@/lib/http/with-auth";

// POST /api/v1/realms/{realm}/users/{userId}/logout - sign the user out everywhere: every active session ends; audited
export const POST = withAuth<{ realm: string; userId: string }>(
  async ({ params, actor }) => NextResponse.json(await logoutRealmUser(params.realm, params.userId, actor)),
  { route: "POST /realms/{realm}/users/{userId}/logout" },
);
