import { NextResponse } from "next/server";
import { requestSeriesQuerySchema } from "@/lib/analytics/analytics-schemas";
import { getRequestSeries } from "@/lib/analytics/query/get-request-series";
import { withAuth } from "@/lib/http/with-auth";

// GET /api/v1/analytics/requests?from=&to=&interval=&apiId=&operation=&productId=&subscriptionId=&userId=&gatewayId= - requests over time (developers: their own)
export const GET = withAuth(
  async ({ request, actor }) => {
    const query = requestSeriesQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await getRequestSeries(actor, query));
  },
  { route: "GET /analytics/requests" },
);
