import { NextResponse } from "next/server";
import { effectivePolicyQuerySchema } from "@/lib/gateway-policy/effective-policy-schemas";
import { getEffectivePolicy } from "@/lib/gateway-policy/get-effective-policy";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/apis/{apiId}/effective-policy?method=&path=[&productId=] - every rule and limit in force, and its scope
export const GET = withAuth<{ apiId: string }>(
  async ({ request, params, actor }) => {
    const query = effectivePolicyQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await getEffectivePolicy(params.apiId, query, actor));
  },
  { route: "GET /apis/{apiId}/effective-policy" },
);
