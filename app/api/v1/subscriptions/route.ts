import { NextResponse } from "next/server";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { createSubscriptionInputSchema, listSubscriptionsQuerySchema } from "@/lib/subscriptions/subscription-schemas";
import { readJson, withAuth } from "@/lib/http/with-auth";

// GET /api/v1/subscriptions?state=&productId=&apiId=&userId=&search=&limit=&cursor= - a page (developers: their own)
export const GET = withAuth(
  async ({ request, actor }) => {
    const query = listSubscriptionsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await listSubscriptions(actor, query));
  },
  { route: "GET /subscriptions" },
);

// POST /api/v1/subscriptions - subscribe to a product (or, for admins, a single API); answers the keys once
export const POST = withAuth(
  async ({ request, actor }) => {
    const input = createSubscriptionInputSchema.parse(await readJson(request));
    return NextResponse.json(await createSubscription(input, actor), { status: 201 });
  },
  { route: "POST /subscriptions" },
);
