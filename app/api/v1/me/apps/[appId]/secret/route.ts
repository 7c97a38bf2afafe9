import { NextResponse } from "next/server";
import { withAuth } from "@/lib/http/with-auth";
import { rotateMyAppSecret } from "@/lib/portal/apps/rotate-my-app-secret";

// POST /api/v1/me/apps/{appId}/secret - a new secret, shown once; the old one stops working now
export const POST = withAuth<{ appId: string }>(
  async ({ params, actor }) => {
    const response = NextResponse.json(await rotateMyAppSecret(params.appId, actor));
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "POST /me/apps/{appId}/secret" },
);
