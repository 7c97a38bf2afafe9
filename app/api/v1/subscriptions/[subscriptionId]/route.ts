import { NextResponse } from "next/server";
import { changeSubscriptionState } from "@/lib/subscriptions/change-subscription-state";
import { getSubscriptionDetail } from "@/lib/subscriptions/get-subscription-detail";
import { changeSubscriptionStateInputSchema } from "@/lib/subscriptions/subscription-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

type Params = { subscriptionId: string };

// GET /api/v1/subscriptions/{id} - with the APIs it opens and the terms accepted
export const GET = withAuth<Params>(
  async ({ params, actor }) => NextResponse.json(await getSubscriptionDetail(params.subscriptionId, actor)),
  { route: "GET /subscriptions/{subscriptionId}" },
);

// PATCH /api/v1/subscriptions/{id} - change state (developers may only cancel their own)
export const PATCH = withAuth<Params>(
  async ({ request, params, actor }) => {
    const input = changeSubscriptionStateInputSchema.parse(await readJson(request));
    return NextResponse.json(await changeSubscriptionState(params.subscriptionId, input, actor));
  },
  { route: "PATCH /subscriptions/{subscriptionId}" },
);
