import { NextResponse } from "next/server";
import { getSubscriptionUsage } from "@/lib/subscriptions/subscription-usage";
import { withAuth } from "@/lib/http/with-auth";

type Params = { subscriptionId: string };

// GET /api/v1/subscriptions/{id}/usage - limits in force and current counters (developers: their own)
export const GET = withAuth<Params>(
  async ({ params, actor }) => NextResponse.json(await getSubscriptionUsage(params.subscriptionId, actor)),
  { route: "GET /subscriptions/{subscriptionId}/usage" },
);
