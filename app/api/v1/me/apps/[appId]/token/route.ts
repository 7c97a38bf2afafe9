import { NextResponse } from "next/server";
import { withAuth } from "@/lib/http/with-auth";
import { issueMyAppToken } from "@/lib/portal/apps/issue-my-app-token";

// POST /api/v1/me/apps/{appId}/token - a client_credentials access token of my app, without its secret
export const POST = withAuth<{ appId: string }>(
  async ({ params, actor }) => {
    const response = NextResponse.json(await issueMyAppToken(params.appId, actor));
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "POST /me/apps/{appId}/token" },
);
