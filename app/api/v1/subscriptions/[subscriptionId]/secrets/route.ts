import { NextResponse } from "next/server";
import { getSubscriptionSecrets } from "@/lib/subscriptions/subscription-secrets";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/subscriptions/{id}/secrets - the keys, for their owner or a platform admin
export const GET = withAuth<{ subscriptionId: string }>(
  async ({ params, actor }) => {
    const response = NextResponse.json(await getSubscriptionSecrets(params.subscriptionId, actor));
    response.headers.set("cache-control", "no-store");
    return response;
  },
  { route: "GET /subscriptions/{subscriptionId}/secrets" },
);
