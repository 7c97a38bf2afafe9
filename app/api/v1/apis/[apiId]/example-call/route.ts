import { NextResponse } from "next/server";
import { withAuth } from "@/lib/http/with-auth";
import { getExampleCall } from "@/lib/portal/get-example-call";

export const GET = withAuth<{ apiId: string }>(
  async ({ params, actor }) => NextResponse.json(await getExampleCall(params.apiId, actor)),
  { route: "GET /apis/{apiId}/example-call" },
);
