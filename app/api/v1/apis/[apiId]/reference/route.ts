import { NextResponse } from "next/server";
import { withAuth } from "@/lib/http/with-auth";
import { getApiReference } from "@/lib/portal/get-api-reference";

// GET /api/v1/apis/{apiId}/reference - the portal's reference: document on the gateway, code samples, the caller's own subscriptions to it
export const GET = withAuth<{ apiId: string }>(
  async ({ params, actor }) => NextResponse.json(await getApiReference(params.apiId, actor)),
  { route: "GET /apis/{apiId}/reference" },
);
